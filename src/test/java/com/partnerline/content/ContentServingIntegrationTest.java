package com.partnerline.content;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.partnerline.content.ContentFixtures.agreement;
import static com.partnerline.content.ContentFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How feeds and informers are served by {@link ContentHandler} ahead of the servlet
 * container: the public chain's headers on every answer, refusals still answered by
 * the controllers, the agreement's schedule in the caching headers and the feed, and
 * unknown informer codes remembered.
 */
class ContentServingIntegrationTest extends IntegrationTest {

	@Autowired
	Clock clock;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	Informers informers;

	@Test
	void answersWithThePublicChainsHeadersAndLeavesRefusalsToTheControllers() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		publish(admin, vendor.slug(), "av-news", map("title", "Served by Jetty", "body", "Straight from memory."));
		String key = agreement(admin, vendor.slug(), partner.id(), List.of("av-news"), 5);

		for (String path : List.of("/feeds/av-news.atom?key=" + key + "&lang=de", "/informer/" + partner.code() + ".js",
				"/informer/" + partner.code() + ".html?style=dark&size=small")) {
			Api.Response answer = api.get(path);
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.header("Content-Security-Policy")).as(path).contains("frame-ancestors *");
			assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(answer.header("Vary")).as(path).isEqualTo("Accept-Encoding");
			assertThat(answer.header("ETag")).as(path).startsWith("\"");
			assertThat(answer.header("Set-Cookie")).as(path).isNull();
			Api.Response again = api.header("If-None-Match", answer.header("ETag")).get(path);
			assertThat(again.status()).as(path).isEqualTo(304);
			assertThat(again.header("Content-Security-Policy")).as(path).contains("frame-ancestors *");
		}
		assertThat(api.get("/informer/" + partner.code() + ".js").header("Cache-Control")).isEqualTo("max-age=60, public");
		java.net.http.HttpResponse<String> head = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/feeds/av-news.rss?key=" + key))
				.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("ETag")).isPresent();
		assertThat(api.get("/informer/" + partner.code() + ".js").body()).contains("Served by Jetty");

		// what the handler does not answer, the controllers do, as problems
		Api.Response badLang = api.get("/feeds/av-news.rss?key=" + key + "&lang=xx");
		assertThat(badLang.status()).isEqualTo(400);
		assertThat(badLang.errorFields()).contains("lang");
		assertThat(api.get("/feeds/av-news.rss?key=" + key + "&lang=ru&lang=fr").status()).isEqualTo(400);
		assertThat(api.get("/feeds/av-news.rss?key=" + key.substring(1)).status()).isEqualTo(403);
		assertThat(api.get("/feeds/av-news.rss").header("Content-Type")).contains("application/problem+json");
		assertThat(api.get("/informer/" + partner.code() + ".js?style=neon").status()).isEqualTo(400);
		assertThat(api.get("/informer/" + partner.code() + ".css").status()).isEqualTo(404);
	}

	@Test
	void theAgreementsScheduleSetsTheFeedsCachingAndUpdatePeriod() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Vendor found = catalog.findVendor(vendor.slug()).orElseThrow();
		publish(admin, vendor.slug(), "virus-news", map("title", "Worm season", "body", "Patch now."));

		String realtime = agreementOn(vendor, partner, "REALTIME");
		Api.Response live = api.get("/feeds/virus-news.rss?key=" + realtime);
		assertThat(live.status()).isEqualTo(200);
		assertThat(live.header("Cache-Control")).contains("no-cache");
		assertThat(live.header("Expires")).isNull();
		assertThat(ttl(live)).isEqualTo(5);

		String hourly = agreement(admin, vendor.slug(), partner.id(), List.of("virus-news"), 3);
		Api.Response everyHour = api.get("/feeds/virus-news.rss?key=" + hourly);
		assertThat(ttl(everyHour)).isEqualTo(60);
		Instant nextHour = ZonedDateTime.now(clock.withZone(found.timeZone()))
			.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
			.plusHours(1)
			.toInstant();
		assertThat(expires(everyHour)).isEqualTo(nextHour);
		assertThat(maxAge(everyHour)).isBetween(0L, 3600L);

		String weekly = agreementOn(vendor, partner, "WEEKLY");
		Api.Response everyWeek = api.get("/feeds/virus-news.json?key=" + weekly);
		Instant monday = expires(everyWeek);
		assertThat(monday.atZone(found.timeZone()).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		assertThat(monday.atZone(found.timeZone()).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
		assertThat(Duration.between(clock.instant(), monday)).isBetween(Duration.ZERO, Duration.ofDays(7));
		assertThat(maxAge(everyWeek)).isBetween(0L, Duration.ofDays(7).toSeconds());
		assertThat(api.get("/feeds/virus-news.atom?key=" + weekly).body()).contains("updatePeriod>weekly<");
		assertThat(api.get("/feeds/virus-news.atom?key=" + hourly).body()).contains("updatePeriod>hourly<");
		// a reader that revalidates gets 304 with the same headers
		Api.Response notModified = api.header("If-None-Match", everyWeek.header("ETag"))
			.get("/feeds/virus-news.json?key=" + weekly);
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.header("Expires")).isEqualTo(everyWeek.header("Expires"));

		// the item count governs the feed too
		for (int i = 0; i < 4; i++) {
			publish(admin, vendor.slug(), "virus-news", map("title", "Update " + i, "body", "More."));
		}
		Api.Response three = ContentFeedsIntegrationTest.poll(() -> api.get("/feeds/virus-news.rss?key=" + hourly),
				r -> r.body().contains("Update 3"));
		assertThat(channel(three).getItems()).hasSize(3);
	}

	@Test
	void remembersUnknownInformerCodesWithoutAskingTheDatabaseAgain() {
		String code = "nobody-" + System.nanoTime();
		assertThat(api.get("/informer/" + code + ".js").status()).isEqualTo(404);
		assertThat(informers.unknownRemembered()).isPositive();
		long before = FeedStatements.STATEMENTS.get();
		for (int i = 0; i < 20; i++) {
			Api.Response unknown = api.get("/informer/" + code + ".js");
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(unknown.header("Content-Type")).contains("application/problem+json");
		}
		assertThat(FeedStatements.STATEMENTS.get() - before).as(FeedStatements.LAST::toString).isZero();

		// a partner joining a program may be a code asked for before: the memory starts again
		TestVendor vendor = newVendor();
		newPartner(vendor);
		ContentFeedsIntegrationTest.poll(() -> api.get("/informer/" + code + ".js"),
				r -> informers.unknownRemembered() <= 1);
		assertThat(informers.unknownRemembered()).isLessThanOrEqualTo(1);
	}

	private String agreementOn(TestVendor vendor, TestPartner partner, String schedule) {
		Api.Response created = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/content-agreements",
				map("partnerId", partner.id(), "feeds", List.of("virus-news"), "maxItems", 5, "schedule", schedule));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("feedKey").asString();
	}

	private static Channel channel(Api.Response response) throws Exception {
		return (Channel) new WireFeedInput().build(new StringReader(response.body()));
	}

	private static int ttl(Api.Response response) throws Exception {
		return channel(response).getTtl();
	}

	private static Instant expires(Api.Response response) {
		String expires = response.header("Expires");
		assertThat(expires).isNotNull();
		return ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
	}

	private static long maxAge(Api.Response response) {
		String cacheControl = response.header("Cache-Control");
		assertThat(cacheControl).contains("max-age=").contains("public");
		return Long.parseLong(cacheControl.replaceAll(".*max-age=(\\d+).*", "$1"));
	}

}
