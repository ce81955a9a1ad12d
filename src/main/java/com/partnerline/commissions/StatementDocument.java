package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A statement with every line a partner reads, as at its close: the month's orders, the
 * refunds booked on them in the month, the adjustments for late refunds and late
 * orders, and the balances brought and carried.
 */
public record StatementDocument(Statement statement, List<Line> lines) {

	/**
	 * @param kind {@code ORDER}, {@code SELF_REFERRAL} (stored, not commissioned),
	 * {@code REFUND} (a refund booked in the month on one of its orders), {@code ADJUSTMENT}
	 * (a late refund), {@code LATE_ORDER} (an order that arrived after its month was
	 * closed), {@code BROUGHT_FORWARD} or {@code CARRIED_FORWARD}
	 * @param amount volume lines unrounded, money lines rounded
	 */
	public record Line(String kind, @Nullable String reference, @Nullable Instant occurredAt,
			@Nullable YearMonth orderMonth, BigDecimal amount, @Nullable BigDecimal rate) {
	}

}
