package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * An order as the vendor console lists it.
 *
 * @param amount converted net amount in the program currency, unrounded
 * @param refunded refunds so far, in the program currency, unrounded
 */
public record OrderRow(String orderId, Instant occurredAt, YearMonth period, @Nullable PartnerId partnerId,
		Attribution attribution, boolean selfReferral, String source, Money amount, Money originalAmount,
		BigDecimal rate, BigDecimal refunded, @Nullable String customerEmail, @Nullable String customerCountry) {
}
