package com.partnerline.content;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.catalog.CatalogManagement;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static com.partnerline.content.ContentFixtures.agreement;
import static com.partnerline.content.ContentFixtures.detect;
import static com.partnerline.content.ContentFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

/** The feeds under content agreements: validity, languages, keys, 304s, rating, calendar, caching. */
class ContentFeedsIntegrationTest extends IntegrationTest {

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	VirusCalendar calendar;

	@Autowired
	CatalogManagement catalog;

	private static final List<String> ALL = List.of("av-news", "virus-news", "virus-rating", "virus-calendar");

	@Test
	void writesValidFeedsInTheAskedLanguageWithEnglishFallbackPerItem() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		publish(admin, vendor.slug(), "av-news", map("title", "Update 21.3 released", "body", "Faster scans.",
				"translations", map("ru", map("title", "Вышло обновление 21.3", "body", "Быстрее сканирование."), "fr",
						map("title", "Mise à jour 21.3", "body", "Analyses plus rapides."))));
		publish(admin, vendor.slug(), "av-news", map("title", "Only in English", "body", "No translation yet."));
		publish(admin, vendor.slug(), "av-news", map("title", "Draft item", "body", "Not yet.", "draft", true));
		String key = agreement(admin, vendor.slug(), partner.id(), ALL, 20);

		for (String format : List.of("rss", "atom")) {
			Api.Response response = api.get("/feeds/av-news." + format + "?key=" + key + "&lang=ru");
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.header("Content-Type")).contains(format.equals("rss") ? "rss+xml" : "atom+xml");
			SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
			assertThat(feed.getFeedType()).isEqualTo(format.equals("rss") ? "rss_2.0" : "atom_1.0");
			org.jdom2.Element root = new org.jdom2.input.SAXBuilder().build(new StringReader(response.body()))
				.getRootElement();
			assertThat(format.equals("rss") ? root.getChild("channel").getChildText("language")
					: root.getAttributeValue("lang", org.jdom2.Namespace.XML_NAMESPACE)).isEqualTo("ru");
			assertThat(feed.getTitle()).contains("Новости антивирусной защиты");
			assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
				.containsExactly("Only in English", "Вышло обновление 21.3");
			assertThat(feed.getEntries())
				.allSatisfy(e -> assertThat(e.getLink()).startsWith("https://partners.example.test/content/"));
			assertThat(response.body()).contains("<dc:language>en</dc:language>");
		}
		Api.Response json = api.get("/feeds/av-news.json?key=" + key + "&lang=fr");
		assertThat(json.status()).isEqualTo(200);
		JsonNode feed = json.json();
		assertThat(feed.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.path("language").asString()).isEqualTo("fr");
		assertThat(feed.path("items")).hasSize(2);
		assertThat(feed.path("items").get(1).path("title").asString()).isEqualTo("Mise à jour 21.3");
		assertThat(feed.path("items").get(1).path("language").asString()).isEqualTo("fr");
		assertThat(feed.path("items").get(0).path("language").asString()).isEqualTo("en");
		assertThat(feed.path("feed_url").asString()).isEqualTo("https://partners.example.test/feeds/av-news.json");
	}

	@Test
	void answersNotModifiedToAReaderWithTheCurrentVersion() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		publish(admin, vendor.slug(), "virus-news", map("title", "Botnet taken down", "body", "Servers seized."));
		String key = agreement(admin, vendor.slug(), partner.id(), ALL, 10);
		Api.Response first = api.get("/feeds/virus-news.rss?key=" + key);
		assertThat(first.status()).isEqualTo(200);
		String etag = first.header("ETag");
		assertThat(etag).startsWith("\"");
		assertThat(first.header("Last-Modified")).isNotBlank();

		Api.Response again = api.header("If-None-Match", etag).get("/feeds/virus-news.rss?key=" + key);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.header("ETag")).isEqualTo(etag);
		Api.Response byDate = api.header("If-Modified-Since", first.header("Last-Modified"))
			.get("/feeds/virus-news.rss?key=" + key);
		assertThat(byDate.status()).isEqualTo(304);
		assertThat(api.header("If-None-Match", "\"something-else\"").get("/feeds/virus-news.rss?key=" + key).status())
			.isEqualTo(200);

		// new content is visible within seconds, under a new ETag
		publish(admin, vendor.slug(), "virus-news", map("title", "Phishing wave", "body", "Fake parcel notices."));
		Api.Response changed = poll(() -> api.get("/feeds/virus-news.rss?key=" + key),
				r -> r.body().contains("Phishing wave"));
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(api.header("If-None-Match", etag).get("/feeds/virus-news.rss?key=" + key).status()).isEqualTo(200);
	}

	@Test
	void refusesRequestsWithoutAValidKeyOrForAFeedNotAgreed() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String key = agreement(admin, vendor.slug(), partner.id(), List.of("av-news"), 5);
		assertThat(api.get("/feeds/av-news.rss").status()).isEqualTo(401);
		assertThat(api.get("/feeds/av-news.rss").header("Content-Type")).contains("application/problem+json");
		assertThat(api.get("/feeds/av-news.atom?key=not-a-key").status()).isEqualTo(403);
		assertThat(api.get("/feeds/virus-news.json?key=" + key).status()).isEqualTo(403);
		assertThat(api.get("/feeds/av-news.json?key=" + key).status()).isEqualTo(200);
		assertThat(api.get("/feeds/no-such-feed.json?key=" + key).status()).isEqualTo(404);

		// agreements are the vendor's: listed with their keys, and refused for a stranger or bad input
		Api.Response listed = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/content-agreements");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().get(0).path("feedKey").asString()).isEqualTo(key);
		assertThat(listed.json().get(0).path("partnerId").asString()).isEqualTo(partner.id());
		Api.Response bad = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/content-agreements",
				map("partnerId", partner.id(), "feeds", List.of("cat-news"), "maxItems", 0));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.errorFields()).contains("feeds", "maxItems");
		assertThat(partner.api().get("/api/v1/admin/vendors/" + vendor.slug() + "/content-agreements").status())
			.isEqualTo(403);

		// usage: the answered requests (not the refused ones) are counted, in batches
		for (int i = 0; i < 4; i++) {
			assertThat(api.get("/feeds/av-news.rss?key=" + key).status()).isEqualTo(200);
		}
		poll(() -> admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/content-agreements"),
				r -> r.json().get(0).path("requests").asLong() == 5);
	}

	@Test
	void ranksThreatsByWeightedDetectionsAndUpdatesAfterADetection() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String dangerous = unique("Trojan.Win32.Dangerous");
		String common = unique("Adware.Common");
		publish(admin, vendor.slug(), "threats", map("name", dangerous, "type", "TROJAN", "dangerLevel", 5,
				"firstSeen", "2026-11-01", "activeFrom", "2026-11-01", "description", "Steals banking passwords.",
				"removal", "Run a full scan.", "translations", map("de", map("title", dangerous + " (de)",
						"description", "Stiehlt Bankpasswörter."))));
		publish(admin, vendor.slug(), "threats", map("name", common, "type", "ADWARE", "dangerLevel", 1,
				"activeFrom", "2026-11-01", "description", "Shows ads."));
		String key = agreement(admin, vendor.slug(), partner.id(), ALL, 100);
		detect(transactions, events, dangerous, 1);
		detect(transactions, events, common, 3);
		// 5 × (7 × 1 + 1) = 40 against 1 × (7 × 3 + 3) = 24
		poll(() -> api.get("/feeds/virus-rating.json?key=" + key), r -> order(r, dangerous, common));

		detect(transactions, events, common, 3);
		// now 1 × (7 × 6 + 6) = 48 against 40: the common threat climbs within seconds
		Api.Response after = poll(() -> api.get("/feeds/virus-rating.json?key=" + key + "&lang=de"),
				r -> order(r, common, dangerous));
		JsonNode entry = find(after.json(), dangerous);
		assertThat(entry.path("title").asString()).endsWith(dangerous + " (de)");
		assertThat(entry.path("content_text").asString()).contains("1 Fund in den letzten 24 Stunden")
			.contains("Gefahrenstufe 5 von 5");
		assertThat(entry.path("language").asString()).isEqualTo("de");
	}

	@Test
	void listsTheThreatsActiveOnEachDateOfTheMonth() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		YearMonth month = YearMonth.now(ZoneOffset.UTC);
		String name = unique("Worm.Calendar");
		publish(admin, vendor.slug(), "threats", map("name", name, "type", "WORM", "dangerLevel", 3, "activeFrom",
				month.atDay(3).toString(), "activeTo", month.atDay(5).toString(), "description", "Spreads over USB."));
		publish(admin, vendor.slug(), "threats", map("name", unique("Virus.Past"), "type", "VIRUS", "dangerLevel", 2,
				"activeFrom", month.minusMonths(2).atDay(1).toString(), "activeTo",
				month.minusMonths(2).atDay(9).toString(), "description", "Gone."));
		List<VirusCalendar.Day> days = calendar.month(catalog.vendor(vendor.slug()).id(), month);
		assertThat(days).hasSize(month.lengthOfMonth());
		assertThat(days).filteredOn(d -> !d.threats().isEmpty())
			.extracting(VirusCalendar.Day::date)
			.containsExactly(month.atDay(3), month.atDay(4), month.atDay(5));
		assertThat(days.get(3).threats()).extracting(ContentItem::threatName).containsExactly(name);

		String key = agreement(admin, vendor.slug(), partner.id(), ALL, 10);
		Api.Response rss = api.get("/feeds/virus-calendar.rss?key=" + key);
		SyndFeed feed = new SyndFeedInput().build(new StringReader(rss.body()));
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(name);
		assertThat(feed.getEntries().get(0).getDescription().getValue()).startsWith("Active from");

		Api.Response bad = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/content/threats",
				map("name", unique("x"), "type", "MONSTER", "dangerLevel", 9, "activeFrom", "2026-12-05", "activeTo",
						"2026-12-01"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.errorFields()).contains("type", "dangerLevel", "activeTo", "description");
	}

	@Test
	void servesRepeatedFeedAndInformerRequestsWithoutDatabaseWork() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		publish(admin, vendor.slug(), "av-news", map("title", "Cached news", "body", "Served from memory."));
		String key = agreement(admin, vendor.slug(), partner.id(), ALL, 10);
		List<String> paths = List.of("/feeds/av-news.rss?key=" + key, "/feeds/virus-rating.atom?key=" + key,
				"/feeds/virus-calendar.json?key=" + key + "&lang=ru", "/informer/" + partner.code() + ".js",
				"/informer/" + partner.code() + ".html?lang=fr");
		paths.forEach(path -> assertThat(api.get(path).status()).as(path).isEqualTo(200));

		long before = FeedStatements.STATEMENTS.get();
		for (int i = 0; i < 40; i++) {
			for (String path : paths) {
				assertThat(api.get(path).status()).isEqualTo(200);
			}
		}
		assertThat(FeedStatements.STATEMENTS.get() - before).as(FeedStatements.LAST::toString).isZero();
		// the counter does see the database work of a first rendering
		publish(admin, vendor.slug(), "av-news", map("title", "Fresh news", "body", "Rendered once."));
		poll(() -> api.get(paths.get(0)), r -> r.body().contains("Fresh news"));
		assertThat(FeedStatements.STATEMENTS.get() - before).isPositive();
	}

	private static boolean order(Api.Response response, String first, String second) {
		List<String> titles = response.json().path("items").valueStream().map(i -> i.path("title").asString()).toList();
		int a = indexOf(titles, first);
		int b = indexOf(titles, second);
		return a >= 0 && b >= 0 && a < b;
	}

	private static int indexOf(List<String> titles, String name) {
		for (int i = 0; i < titles.size(); i++) {
			if (titles.get(i).contains(name)) {
				return i;
			}
		}
		return -1;
	}

	private static JsonNode find(JsonNode feed, String name) {
		return feed.path("items").valueStream().filter(i -> i.path("title").asString().contains(name)).findFirst()
			.orElseThrow();
	}

	static Api.Response poll(java.util.function.Supplier<Api.Response> request, Predicate<Api.Response> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		Api.Response last = request.get();
		while (!until.test(last) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			last = request.get();
		}
		assertThat(until.test(last)).as(last.toString()).isTrue();
		return last;
	}

}
