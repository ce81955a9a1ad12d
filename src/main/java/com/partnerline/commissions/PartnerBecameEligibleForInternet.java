package com.partnerline.commissions;

import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/**
 * An affiliate's volume in a month reached a band reserved to Internet Partners: it is
 * paid the affiliate cap and told it may apply ({@code commissions.mail.eligible.*},
 * with a link to {@code /panel/programs/<vendor>/proposal}).
 */
public record PartnerBecameEligibleForInternet(VendorId vendorId, PartnerId partnerId, YearMonth month) {
}
