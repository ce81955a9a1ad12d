package com.partnerline.commissions;

import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/**
 * A partner's statement for a closed month is ready: the partner gets a mail
 * ({@code commissions.mail.statementReady.*}) with a link to
 * {@code /panel/programs/<vendor>/statements/<month>}.
 */
public record StatementReady(VendorId vendorId, PartnerId partnerId, YearMonth month) {
}
