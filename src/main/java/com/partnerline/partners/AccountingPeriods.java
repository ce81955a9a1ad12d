package com.partnerline.partners;

import java.time.YearMonth;

import com.partnerline.kernel.VendorId;

/**
 * Whether a vendor has closed a month. The commissions module closes months and
 * implements this; partners asks through it (a contract may not start in a closed month)
 * without depending on commissions, which depends on partners.
 */
public interface AccountingPeriods {

	boolean isClosed(VendorId vendorId, YearMonth month);

}
