package com.partnerline.content;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.kernel.VendorId;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds a feed of a vendor in one language and format, through the cache: the first
 * reader after a change renders it, every other reader gets the same bytes.
 */
@Component
class Feeds {

	private final ContentStore store;

	private final VirusRating rating;

	private final VirusCalendar calendar;

	private final CatalogManagement catalog;

	private final FeedWriter writer;

	private final ContentCaches caches;

	private final ContentTexts texts;

	private final PublicUrl publicUrl;

	private final Clock clock;

	Feeds(ContentStore store, VirusRating rating, VirusCalendar calendar, CatalogManagement catalog, FeedWriter writer,
			ContentCaches caches, ContentTexts texts, PublicUrl publicUrl, Clock clock) {
		this.store = store;
		this.rating = rating;
		this.calendar = calendar;
		this.catalog = catalog;
		this.writer = writer;
		this.caches = caches;
		this.texts = texts;
		this.publicUrl = publicUrl;
		this.clock = clock;
		caches.register(Key.class, this::render);
	}

	record Key(VendorId vendorId, Feed feed, String format, String lang, int maxItems, ContentAgreement.Schedule schedule) {
	}

	ContentCaches.Rendered rendered(Key key) {
		return caches.get(key);
	}

	private ContentCaches.Rendered render(Key key) {
		Vendor vendor = catalog.findVendor(key.vendorId())
			.orElseThrow(() -> ApiProblem.notFound("catalog.vendorNotFound", key.vendorId()));
		FeedWriter.Document document = document(vendor, key.feed(), key.lang(), key.maxItems(),
				key.schedule().minutes(), key.format());
		return ContentCaches.Rendered.of(writer.write(document, key.format()), FeedWriter.mediaType(key.format()),
				document.updated(), key.schedule().nextUpdate(clock.instant(), vendor.timeZone()));
	}

	FeedWriter.Document document(Vendor vendor, Feed feed, String lang, int maxItems, int ttl, String format) {
		Instant now = clock.instant();
		Locale locale = Locale.forLanguageTag(lang);
		List<FeedWriter.Document.Item> items = new ArrayList<>();
		Instant updated = Instant.EPOCH;
		switch (feed) {
			case AV_NEWS, VIRUS_NEWS -> {
				for (ContentItem item : store.published(vendor.id(),
						feed == Feed.AV_NEWS ? ContentKind.AV_NEWS : ContentKind.VIRUS_NEWS, now, maxItems)) {
					Translation text = item.text(lang);
					items.add(new FeedWriter.Document.Item(item.id().toString(), text.title(), text.body(),
							itemUrl(vendor, item, lang), item.publishAt(), max(item.publishAt(), item.updatedAt()),
							item.textLanguage(lang)));
					updated = max(updated, max(item.publishAt(), item.updatedAt()));
				}
			}
			case VIRUS_RATING -> {
				for (VirusRating.Entry entry : rating.top(vendor.id(), maxItems)) {
					ContentItem item = entry.entry();
					String title = texts.format("content.rating.itemTitle", locale, Map.of("rank", entry.rank(), "name",
							entry.title(lang)));
					String text = texts.format("content.rating.itemText", locale, Map.of("day", entry.lastDay(), "week",
							entry.lastWeek(), "danger", entry.danger()))
							+ (item == null ? "" : "\n\n" + item.text(lang).body());
					Instant published = item == null ? now : item.publishAt();
					items.add(new FeedWriter.Document.Item("rating-" + entry.threat(), title, text,
							item == null ? publicUrl.link("/content/" + vendor.slug() + "/rating")
									: itemUrl(vendor, item, lang),
							published, now, item == null ? lang : item.textLanguage(lang)));
				}
				updated = now;
			}
			case VIRUS_CALENDAR -> {
				YearMonth month = YearMonth.now(clock.withZone(vendor.timeZone()));
				for (ContentItem item : calendar.activeIn(vendor.id(), month)) {
					if (items.size() >= maxItems) {
						break;
					}
					Translation text = item.text(lang);
					String period = item.activeTo() == null
							? texts.format("content.calendar.since", locale,
									Map.of("from", com.partnerline.kernel.Formats.date(item.activeFrom(), locale)))
							: texts.format("content.calendar.period", locale,
									Map.of("from", com.partnerline.kernel.Formats.date(item.activeFrom(), locale), "to",
											com.partnerline.kernel.Formats.date(item.activeTo(), locale)));
					items.add(new FeedWriter.Document.Item(item.id().toString(), text.title(), period + "\n\n"
							+ text.body() + (text.removal() == null ? "" : "\n\n" + text.removal()),
							itemUrl(vendor, item, lang), item.publishAt(), max(item.publishAt(), item.updatedAt()),
							item.textLanguage(lang)));
					updated = max(updated, max(item.publishAt(), item.updatedAt()));
				}
			}
		}
		if (updated.equals(Instant.EPOCH)) {
			updated = now;
		}
		String title = texts.format("content.feed." + feed.slug() + ".title", locale, Map.of("vendor", vendor.name()));
		String description = texts.format("content.feed." + feed.slug() + ".description", locale,
				Map.of("vendor", vendor.name()));
		return new FeedWriter.Document(title, description, publicUrl.link("/content/" + vendor.slug()),
				publicUrl.link("/feeds/" + feed.slug() + "." + format), lang, vendor.name(),
				updated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), ttl, items);
	}

	String itemUrl(Vendor vendor, ContentItem item, String lang) {
		return publicUrl.link("/content/" + vendor.slug() + "/items/" + item.id() + "?lang=" + lang);
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
