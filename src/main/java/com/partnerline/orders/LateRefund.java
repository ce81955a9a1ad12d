package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;

/**
 * A refund that a month's close settles as an adjustment rather than in a volume: one
 * booked in the month on an order of an earlier month, or one that arrived after the
 * month it is booked in was closed. Carries what the close needs to find the rate
 * (the order's month, when the order arrived and its amount).
 *
 * @param orderAmount the order's net amount in the program currency, unrounded
 * @param period the month the refund is booked in
 * @param receivedAt when the refund arrived
 * @param amount positive, in the program currency at the order's rate, unrounded
 */
public record LateRefund(PartnerId partnerId, String refundId, String orderId, YearMonth orderPeriod,
		Instant orderReceivedAt, BigDecimal orderAmount, YearMonth period, Instant receivedAt, BigDecimal amount) {
}
