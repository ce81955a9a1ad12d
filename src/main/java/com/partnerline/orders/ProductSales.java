package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;

/**
 * What one partner sold of one product in one month: items of its attributed,
 * non-self-referral orders of that period; {@code amount} in the program currency,
 * unrounded, before refunds (refunds are booked per order, not per product).
 */
public record ProductSales(PartnerId partnerId, YearMonth month, String sku, long quantity, BigDecimal amount) {
}
