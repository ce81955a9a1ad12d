package com.partnerline.commissions;

import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.orders.MonthlyCommission;

import org.springframework.stereotype.Component;

/** Band and commission of each month in a partner's statistics. */
@Component
class StatsCommission implements MonthlyCommission {

	private final CommissionManagement commissions;

	StatsCommission(CommissionManagement commissions) {
		this.commissions = commissions;
	}

	@Override
	public Figures of(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		MonthSummary summary = commissions.monthSummary(vendorId, partnerId, month);
		return new Figures(summary.volume(), summary.band(), summary.rate(), summary.commission());
	}

}
