package com.partnerline.content;

import java.util.Arrays;
import java.util.Optional;

/** The syndication feeds, by the name in {@code /feeds/{feed}.{rss,atom,json}}. */
public enum Feed {

	AV_NEWS("av-news"), VIRUS_NEWS("virus-news"), VIRUS_RATING("virus-rating"), VIRUS_CALENDAR("virus-calendar");

	private final String slug;

	Feed(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return slug;
	}

	public static Optional<Feed> of(String slug) {
		return Arrays.stream(values()).filter(feed -> feed.slug.equalsIgnoreCase(slug)).findFirst();
	}

}
