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

	/** How often the partner's site takes the feed (RSS {@code ttl}). */
	public enum Schedule {

		REALTIME(5), HOURLY(60), DAILY(1440), WEEKLY(10080);

		private final int minutes;

		Schedule(int minutes) {
			this.minutes = minutes;
		}

		public int minutes() {
			return minutes;
		}

	}

}
