package com.partnerline.tracking;

import java.time.Instant;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/** A recorded click on a link. */
public record Click(String clickId, VendorId vendorId, String linkCode, PartnerId partnerId, @Nullable String subId,
		Instant occurredAt, boolean bot, boolean counted) {
}
