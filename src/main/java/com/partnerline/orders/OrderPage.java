package com.partnerline.orders;

import java.util.List;

/** One page of orders and how many match in all. */
public record OrderPage(List<OrderRow> rows, long total, int page, int size) {

	public int pages() {
		return (int) ((total + size - 1) / size);
	}

}
