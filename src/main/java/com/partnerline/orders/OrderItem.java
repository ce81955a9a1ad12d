package com.partnerline.orders;

import java.math.BigDecimal;

/** One line of an order: net unit price in the order's currency. */
public record OrderItem(String sku, int quantity, BigDecimal unitPrice) {

	public BigDecimal total() {
		return unitPrice.multiply(BigDecimal.valueOf(quantity));
	}

}
