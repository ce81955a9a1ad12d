package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An order of a partner's month, or a refund booked in that month on one of its orders,
 * as a statement lists it.
 *
 * @param refundId {@literal null} for an order
 * @param amount in the program currency, unrounded; a refund is negative
 */
public record BookedEntry(String orderId, @Nullable String refundId, Instant occurredAt, BigDecimal amount,
		boolean selfReferral) {
}
