package com.partnerline.communication;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The JSON shapes of tickets and announcements: ids as strings, times ISO-8601 with the vendor's offset. */
final class TicketViews {

	private TicketViews() {
	}

	static String time(Instant instant, ZoneId zone) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
	}

	static @Nullable String timeOrNull(@Nullable Instant instant, ZoneId zone) {
		return instant == null ? null : time(instant, zone);
	}

	static TicketView ticket(SupportDesk.Conversation conversation, String vendor, ZoneId zone) {
		Ticket t = conversation.ticket();
		return new TicketView(t.id().toString(), vendor, t.subject(), t.category().name(), t.status().name(),
				time(t.createdAt(), zone), time(t.updatedAt(), zone), time(t.firstResponseDue(), zone),
				timeOrNull(t.firstResponseAt(), zone), conversation.messages().stream().map(m -> message(m, zone)).toList());
	}

	static MessageView message(TicketMessage m, ZoneId zone) {
		return new MessageView(m.id().toString(), m.author(), m.authorName(), m.body(), time(m.createdAt(), zone));
	}

	static QueueItem queueItem(ConsoleTicketsController.Row row, ZoneId zone) {
		Ticket t = row.ticket();
		return new QueueItem(t.id().toString(), t.partnerId().toString(), row.partnerName(), t.partnerType().name(),
				t.subject(), t.category().name(), t.status().name(), row.assignee(), time(t.createdAt(), zone),
				time(t.updatedAt(), zone), time(t.firstResponseDue(), zone), timeOrNull(t.firstResponseAt(), zone),
				row.secondsLeft(), row.breached());
	}

	record TicketView(String ticketId, String vendor, String subject, String category, String status,
			String createdAt, String updatedAt, String firstResponseDue,
			@Nullable String firstResponseAt, List<MessageView> messages) {
	}

	record MessageView(String messageId, String author, String authorName, String body, String createdAt) {
	}

	/**
	 * @param secondsLeft until the first-response target while a first reply is awaited
	 * (negative once passed); {@literal null} once answered or closed
	 * @param breached the first reply came late, or is overdue
	 */
	record QueueItem(String ticketId, String partnerId, String partnerName, String partnerType, String subject,
			String category, String status, @Nullable String assignee, String createdAt,
			String updatedAt, String firstResponseDue, @Nullable String firstResponseAt,
			@Nullable Long secondsLeft, boolean breached) {
	}

	record QueueView(List<QueueItem> items, int page, int size, long total) {
	}

	record AnnouncementView(String announcementId, String vendor, String title, String body, String bodyHtml,
			String audience, String publishAt, @Nullable Boolean read, @Nullable Long reads,
			@Nullable Long addressed) {
	}

	static Map<String, Object> created(String key, UUID id, Object... more) {
		java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
		map.put(key, id.toString());
		for (int i = 0; i < more.length; i += 2) {
			map.put((String) more[i], more[i + 1]);
		}
		return map;
	}

}
