package com.partnerline.partners;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * Where a partner stands in a program this month: its band and whether it is
 * eligible for the Internet Partner track. The commissions module knows and
 * provides it; partners only show it, so the dependency points the right way.
 */
public interface ProgramStanding {

	@Nullable Standing current(VendorId vendorId, PartnerId partnerId);

	record Standing(String band, boolean eligibleForInternet) {
	}

}
