package com.partnerline.commissions;

import java.time.YearMonth;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.PartnerType;
import com.partnerline.partners.ProgramStanding;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A partner's band this month (live, from the month's orders so far) and whether it is
 * eligible for the Internet Partner track: an affiliate whose volume this month, or in
 * its latest closed month, reached an internet-only band.
 */
@Component
class CommissionStanding implements ProgramStanding {

	private final CommissionManagement commissions;

	private final CatalogManagement catalog;

	CommissionStanding(CommissionManagement commissions, CatalogManagement catalog) {
		this.commissions = commissions;
		this.catalog = catalog;
	}

	@Override
	public @Nullable Standing current(VendorId vendorId, PartnerId partnerId) {
		Vendor vendor = catalog.findVendor(vendorId).orElse(null);
		if (vendor == null || catalog.findProgram(vendorId).isEmpty()) {
			return null;
		}
		YearMonth month = commissions.currentMonth(vendor);
		MonthSummary summary = commissions.monthSummary(vendorId, partnerId, month);
		return new Standing(summary.band(), summary.eligibleForInternet() || eligibleLastClosed(vendorId, partnerId));
	}

	boolean eligibleLastClosed(VendorId vendorId, PartnerId partnerId) {
		return commissions.statementsOf(vendorId, partnerId)
			.stream()
			.findFirst()
			.filter(s -> s.partnerType() == PartnerType.AFFILIATE)
			.map(Statement::eligibleForInternet)
			.orElse(false);
	}

}
