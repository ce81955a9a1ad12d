package com.partnerline.communication;

import java.time.Instant;
import java.util.UUID;

import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's announcement to the partners of its program.
 *
 * @param body Markdown, rendered safely by {@link Markdown}
 * @param publishAt when it becomes visible and is mailed
 * @param mailedAt when it was mailed to its audience; {@literal null} until then
 */
record Announcement(UUID id, VendorId vendorId, String title, String body, Audience audience, Instant publishAt,
		Instant createdAt, String createdBy, @Nullable Instant mailedAt) {

	boolean isPublishedAt(Instant at) {
		return !publishAt.isAfter(at);
	}

	public String bodyHtml() {
		return Markdown.html(body);
	}

}
