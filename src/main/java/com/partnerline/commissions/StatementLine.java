package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * An adjustment on a statement: a refund booked in the statement's month on an order
 * of an earlier month, at the rate that month's statement applied.
 *
 * @param baseAmount the refund in the program currency, unrounded (positive)
 * @param amount −(baseAmount × rate), rounded once, half-even
 */
public record StatementLine(String kind, String refundId, String orderId, YearMonth orderMonth,
		BigDecimal baseAmount, BigDecimal rate, BigDecimal amount) {
}
