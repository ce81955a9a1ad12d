package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * An adjustment on a statement, kept with it at its close: a refund settled after its
 * order's month was closed ({@link #LATE_REFUND}, negative), or an order that arrived
 * after its month was closed ({@link #LATE_ORDER}, positive); either at the rate of
 * docs/commission-policy.md, rounded once.
 *
 * @param refundId {@literal null} for a late order
 * @param baseAmount the refund or order in the program currency, unrounded (positive)
 * @param amount ±(baseAmount × rate), rounded once, half-even
 */
public record StatementLine(String kind, @Nullable String refundId, String orderId, YearMonth orderMonth,
		BigDecimal baseAmount, BigDecimal rate, BigDecimal amount) {

	/** Kind of a late refund's line (its name in the API since the first release). */
	public static final String LATE_REFUND = "ADJUSTMENT";

	public static final String LATE_ORDER = "LATE_ORDER";

}
