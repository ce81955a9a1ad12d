package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A refund to book on an order.
 *
 * @param amount positive, in the order's original currency
 * @param contentHash a hash of what the sender sent; a retry with another hash is a conflict
 */
public record NewRefund(String refundId, BigDecimal amount, OffsetDateTime occurredAt, String contentHash) {
}
