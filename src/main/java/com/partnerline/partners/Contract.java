package com.partnerline.partners;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * An Internet Partner's individual contract with one vendor.
 *
 * @param commissionRate the negotiated rate that replaces the band rate, or
 * {@literal null} when the bands apply
 * @param orderProcessing who processes the partner's orders
 * @param startsOn the first day the contract applies
 */
public record Contract(long id, VendorId vendorId, PartnerId partnerId, @Nullable BigDecimal commissionRate,
		OrderProcessing orderProcessing, LocalDate startsOn, String status) {

	/** NETWORK: the network's checkout; SELF: the partner's own, reported in its Partner Sales Report. */
	public enum OrderProcessing {

		NETWORK, SELF

	}

	public boolean isAccepted() {
		return "ACCEPTED".equals(status);
	}

}
