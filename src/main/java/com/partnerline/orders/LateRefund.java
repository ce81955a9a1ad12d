package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;

/**
 * A refund booked in one month on an order of an earlier month.
 *
 * @param amount positive, in the program currency at the order's rate, unrounded
 */
public record LateRefund(PartnerId partnerId, String refundId, String orderId, YearMonth orderPeriod,
		BigDecimal amount) {
}
