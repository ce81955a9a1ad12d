package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;

/**
 * An attributed, commissioned order with the moment it arrived, for the close to tell
 * whether it came after its month was closed.
 *
 * @param amount net, in the program currency, unrounded
 */
public record ReceivedOrder(PartnerId partnerId, String orderId, YearMonth period, Instant receivedAt,
		BigDecimal amount) {
}
