package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * A partner's band and commission in one month, for its statistics. The commissions
 * module knows and provides it (from the frozen statement of a closed month, else
 * live); orders only shows it, so the dependency points the right way.
 */
public interface MonthlyCommission {

	@Nullable Figures of(VendorId vendorId, PartnerId partnerId, YearMonth month);

	/**
	 * The volume the band was set by (unrounded; a closed month's is its statement's, which late
	 * orders and refunds never change), the band, the rate applied, and the commission rounded
	 * half-even to the currency's minor unit.
	 */
	record Figures(BigDecimal volume, String band, BigDecimal rate, BigDecimal commission) {
	}

}
