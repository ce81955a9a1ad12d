package com.partnerline.orders;

import java.math.BigDecimal;

/**
 * Orders that came through links with one sub-id in a period: their number and their
 * net amount in the program currency (not rounded; held and self-referred orders are
 * counted but add no amount, as on the partner's tracking page).
 */
public record SubIdOrders(String subId, long orders, BigDecimal amount) {
}
