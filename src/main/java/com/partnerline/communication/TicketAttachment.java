package com.partnerline.communication;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to a ticket message, without its bytes.
 *
 * @param fileName the original name, sanitised
 * @param contentType detected from the bytes, one of {@link AttachmentRules#ALLOWED}
 * @param sha256 hex SHA-256 of the bytes
 */
record TicketAttachment(UUID id, UUID messageId, UUID ticketId, String fileName, String contentType, long size,
		String sha256, Instant createdAt) {
}
