package com.partnerline.orders;

import java.math.BigDecimal;

/** One line of a Partner Sales Report: {@code amount} is the line's net total in the program currency. */
public record ReportedSale(String sku, int quantity, BigDecimal amount, String clientName, String clientEmail,
		String clientCountry) {
}
