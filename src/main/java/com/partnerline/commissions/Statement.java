package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.PartnerType;

/**
 * A partner's frozen statement for one closed month of a vendor's program (the fields
 * of docs/commission-policy.md). Written once at the close, never edited.
 *
 * @param volume the month's volume, unrounded, in the program currency
 * @param rate the fraction of the volume paid, such as {@code 0.2}
 * @param adjustments the sum of the adjustment lines, each rounded once
 * @param payable what this month's payout batch pays (0 under the minimum payout)
 * @param carriedForward what moves to the next month's statement
 */
public record Statement(long id, VendorId vendorId, PartnerId partnerId, YearMonth month, PartnerType partnerType,
		BigDecimal volume, String band, BigDecimal rate, BigDecimal commission, BigDecimal adjustments,
		BigDecimal broughtForward, BigDecimal payable, BigDecimal carriedForward, Currency currency,
		boolean eligibleForInternet) {

	/** Commission + adjustments + brought forward. */
	public BigDecimal due() {
		return commission.add(adjustments).add(broughtForward);
	}

}
