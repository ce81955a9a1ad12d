package com.partnerline.orders;

import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;

import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * An order to record, already attributed.
 *
 * @param orderId the processor's order id, unique per vendor
 * @param items at least one; their total is the order's net amount in {@code currency}
 * @param partnerId the partner it is attributed to, {@literal null} when none
 * @param attribution how the partner was found ({@link Attribution#NONE} without one)
 * @param selfReferral the customer is the partner itself: stored, flagged, not commissioned
 * @param contentHash a hash of what the sender sent; a retry with another hash is a conflict
 * @param subId the sub-id of the partner's link or click the order came through
 * @param customerIp the customer's address (canonical literal) when the processor sent one
 */
public record NewOrder(String orderId, OffsetDateTime occurredAt, Currency currency, String customerEmail,
		String customerCountry, List<OrderItem> items, @Nullable PartnerId partnerId, Attribution attribution,
		@Nullable String clickId, boolean selfReferral, String contentHash, @Nullable String subId,
		@Nullable String customerIp) {

	public NewOrder {
		items = List.copyOf(items);
	}

	/** An order without the customer's address. */
	public NewOrder(String orderId, OffsetDateTime occurredAt, Currency currency, String customerEmail,
			String customerCountry, List<OrderItem> items, @Nullable PartnerId partnerId, Attribution attribution,
			@Nullable String clickId, boolean selfReferral, String contentHash, @Nullable String subId) {
		this(orderId, occurredAt, currency, customerEmail, customerCountry, items, partnerId, attribution, clickId,
				selfReferral, contentHash, subId, null);
	}

	/** An order without a sub-id. */
	public NewOrder(String orderId, OffsetDateTime occurredAt, Currency currency, String customerEmail,
			String customerCountry, List<OrderItem> items, @Nullable PartnerId partnerId, Attribution attribution,
			@Nullable String clickId, boolean selfReferral, String contentHash) {
		this(orderId, occurredAt, currency, customerEmail, customerCountry, items, partnerId, attribution, clickId,
				selfReferral, contentHash, null);
	}

}
