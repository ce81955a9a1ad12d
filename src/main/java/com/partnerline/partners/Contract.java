package com.partnerline.partners;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * An Internet Partner's individual contract with one vendor.
 *
 * @param commissionRate the negotiated rate as a fraction ({@code 0.30}); {@literal null}
 * means the rate of the partner's monthly band
 * @param orderProcessing SELF means the partner's own store takes the orders and files Sales Reports
 * @param startsOn the first day the contract applies (in the vendor's time zone)
 * @param status OFFERED (waiting for the partner), ACCEPTED (in force), SUPERSEDED or WITHDRAWN
 * @param capOverride whether the rate exceeds the program's Internet cap by an explicit override
 */
public record Contract(UUID id, VendorId vendorId, PartnerId partnerId, UUID proposalId,
		@Nullable BigDecimal commissionRate, OrderProcessing orderProcessing, LocalDate startsOn, String status,
		boolean capOverride, Instant offeredAt, @Nullable Instant acceptedAt) {

	public boolean isSelfProcessing() {
		return orderProcessing == OrderProcessing.SELF;
	}

}
