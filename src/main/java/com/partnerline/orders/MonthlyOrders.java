package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A partner's orders in one month of one program.
 *
 * @param orders orders attributed to the partner (self-referrals included, since they were sales)
 * @param volume the month's volume as {@link OrderManagement#monthlyVolumes} computes it, unrounded
 */
public record MonthlyOrders(YearMonth month, long orders, BigDecimal volume) {
}
