package com.partnerline.orders;

import java.time.LocalDate;

import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * Filters, sort and page of the vendor console's order list. Dates are in the
 * vendor's time zone, both inclusive.
 *
 * @param search a prefix of the order id or of the customer email
 * @param sort {@code occurredAt}, {@code amount} or {@code orderId}
 * @param page zero-based
 */
public record OrderQuery(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable PartnerId partnerId,
		@Nullable Attribution attribution, @Nullable String search, String sort, boolean descending, int page,
		int size) {

	public OrderQuery {
		sort = switch (sort) {
			case "amount", "orderId", "occurredAt" -> sort;
			default -> "occurredAt";
		};
		page = Math.max(page, 0);
		size = Math.min(Math.max(size, 1), 10_000);
	}

	public static OrderQuery all() {
		return new OrderQuery(null, null, null, null, null, "occurredAt", true, 0, 50);
	}

}
