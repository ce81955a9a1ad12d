package com.partnerline.partners;

import java.time.Instant;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/** A partner's place in one vendor's program: its type there and the terms it accepted. */
public record Membership(VendorId vendorId, PartnerId partnerId, PartnerType type, String status,
		String termsVersion, Instant joinedAt) {

	public boolean isActive() {
		return "ACTIVE".equals(status);
	}

}
