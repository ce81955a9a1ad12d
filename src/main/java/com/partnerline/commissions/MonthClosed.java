package com.partnerline.commissions;

import java.time.YearMonth;

import com.partnerline.kernel.VendorId;

/**
 * A vendor's month was closed: its statements are frozen and its payout batch made. One
 * event per close (not one per statement: a close of 50,000 partners would write 50,000
 * event publications inside its transaction). Listeners read the month's statements;
 * partners are mailed that their statement is ready ({@code commissions.mail.statementReady.*})
 * and, when their volume reached a band reserved to Internet Partners, that they may apply
 * ({@code commissions.mail.eligible.*}).
 */
public record MonthClosed(VendorId vendorId, YearMonth month) {
}
