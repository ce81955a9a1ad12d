package com.partnerline.communication;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a ticket; messages are only ever added, never changed.
 *
 * @param author PARTNER or VENDOR
 * @param authorName the partner's name or the manager's email
 */
record TicketMessage(UUID id, UUID ticketId, String author, String authorName, String body, Instant createdAt) {

	static final String PARTNER = "PARTNER";

	static final String VENDOR = "VENDOR";

	public boolean fromVendor() {
		return VENDOR.equals(author);
	}

}
