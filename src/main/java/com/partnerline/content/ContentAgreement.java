package com.partnerline.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/**
 * What a vendor lets a partner publish: which feeds, how many items each shows, how
 * often the partner's copy updates ({@link Schedule}), on which terms, under its own key.
 */
public record ContentAgreement(UUID id, VendorId vendorId, PartnerId partnerId, List<Feed> feeds, int maxItems,
		Schedule schedule, String terms, String feedKey, Instant createdAt) {

	public ContentAgreement {
		feeds = List.copyOf(feeds);
	}

	public boolean grants(Feed feed) {
		return feeds.contains(feed);
	}

	/**
	 * How often the partner's site takes the feed: RSS {@code ttl}, the Syndication
	 * module's update period, and the answer's Cache-Control and Expires, which run to
	 * the next full hour, midnight or Monday in the vendor's time zone (ADR 0025).
	 * {@code REALTIME} readers revalidate on every read.
	 */
	public enum Schedule {

		REALTIME(5), HOURLY(60), DAILY(1440), WEEKLY(10080);

		/** When a reader on this schedule is next due after {@code now}; {@literal null} for realtime. */
		public java.time.@org.jspecify.annotations.Nullable Instant nextUpdate(Instant now, java.time.ZoneId zone) {
			java.time.ZonedDateTime at = now.atZone(zone);
			return switch (this) {
				case REALTIME -> null;
				case HOURLY -> at.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusHours(1).toInstant();
				case DAILY -> at.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
				case WEEKLY -> at.toLocalDate()
					.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
					.atStartOfDay(zone)
					.toInstant();
			};
		}

		private final int minutes;

		Schedule(int minutes) {
			this.minutes = minutes;
		}

		public int minutes() {
			return minutes;
		}

	}

}
