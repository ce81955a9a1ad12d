package com.partnerline.commissions;

import java.time.YearMonth;
import java.util.List;

/**
 * The outcome of closing a month: its statements (one per partner with activity or a
 * balance) and its payout batch. Closing again answers the same.
 *
 * @param closedNow whether this call closed the month (false: it was closed already)
 */
public record CloseResult(YearMonth month, List<Statement> statements, long payoutBatchId, boolean closedNow) {
}
