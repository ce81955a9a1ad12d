package com.partnerline.orders;

import com.partnerline.kernel.Money;

/**
 * A refund as stored.
 *
 * @param amount the refund converted to the program currency at the order's rate, unrounded
 * @param created whether this call stored it
 */
public record RecordedRefund(String refundId, String orderId, Money amount, boolean created) {
}
