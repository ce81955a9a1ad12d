package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.YearMonth;

import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * An order as stored.
 *
 * @param amount the net amount converted to the program currency, unrounded
 * @param originalAmount the net amount in the order's own currency
 * @param rate program currency per unit of the order's currency (1 when they are the same)
 * @param period the calendar month of the order in the vendor's time zone
 * @param created whether this call stored it (false: it was there already)
 */
public record RecordedOrder(String orderId, @Nullable PartnerId partnerId, Money amount, Money originalAmount,
		BigDecimal rate, YearMonth period, boolean created) {
}
