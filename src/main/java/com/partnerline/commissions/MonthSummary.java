package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A partner's month in one program: from its statement once the month is closed,
 * else computed live from the month's orders so far.
 *
 * @param volume unrounded, in the program currency
 * @param commission rounded once, half-even
 * @param closed whether the figures come from a frozen statement
 */
public record MonthSummary(YearMonth month, BigDecimal volume, String band, BigDecimal rate, BigDecimal commission,
		boolean eligibleForInternet, boolean closed) {
}
