package com.partnerline.orders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class OrderIntakeIntegrationTest extends IntegrationTest {

	@Autowired
	OrderManagement orders;

	@Autowired
	CatalogManagement catalog;

	Api.Response send(TestVendor vendor, String path, String body, long timestamp) {
		return api
			.header("X-Partnerline-Signature",
					ProcessorSignature.header(vendor.processorSecret(), timestamp, body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + path, body, "application/json");
	}

	Api.Response order(TestVendor vendor, String body) {
		return send(vendor, "/orders", body, Instant.now().getEpochSecond());
	}

	static String body(String orderId, String occurredAt, String currency, String email, String price,
			String referral) {
		return """
				{"orderId":"%s","occurredAt":"%s","currency":"%s","customer":{"email":"%s","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{%s}}"""
			.formatted(orderId, occurredAt, currency, email, price, referral);
	}

	static String now() {
		return Instant.now().toString();
	}

	String clickId(TestPartner partner, TestVendor vendor) {
		String code = partner.api()
			.post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD"))
			.json()
			.path("code")
			.asString();
		String location = api.get("/r/" + code).header("Location");
		return location.substring(location.indexOf("plc=") + 4);
	}

	Map<String, Object> stored(TestVendor vendor, String orderId) {
		return jdbc.sql("SELECT o.* FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE v.slug = ? AND order_id = ?")
			.params(vendor.slug(), orderId)
			.query()
			.singleRow();
	}

	long count(TestVendor vendor) {
		return jdbc.sql("SELECT count(*) FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE v.slug = ?")
			.param(vendor.slug())
			.query(Long.class)
			.single();
	}

	@Test
	void recordsASignedOrderAttributedByItsClick() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String click = clickId(partner, vendor);
		Api.Response response = order(vendor, body("A-1", now(), "USD", "buyer@example.net", "849.99",
				"\"clickId\":\"" + click + "\""));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().path("orderId").asString()).isEqualTo("A-1");
		assertThat(response.json().path("partnerId").asString()).isEqualTo(partner.id());
		assertThat(response.json().path("amount").asString()).isEqualTo("849.99");
		assertThat(response.json().path("currency").asString()).isEqualTo("USD");
		Map<String, Object> row = stored(vendor, "A-1");
		assertThat(row.get("attribution")).isEqualTo("CLICK");
		assertThat(row.get("click_id")).isEqualTo(click);
	}

	@Test
	void answersARetryWith200AndAConflictingOneWith409() {
		TestVendor vendor = newVendor();
		String body = body("B-1", "2026-11-20T10:00:00Z", "USD", "b@example.net", "100.00", "");
		assertThat(order(vendor, body).status()).isEqualTo(201);
		Api.Response again = order(vendor, body);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("amount").asString()).isEqualTo("100.00");
		assertThat(again.json().has("partnerId")).isTrue();
		assertThat(again.json().path("partnerId").isNull()).isTrue();
		Api.Response reformatted = order(vendor, body.replace("\n", " ").replace("100.00", "100.0"));
		assertThat(reformatted.status()).isEqualTo(200);
		Api.Response conflicting = order(vendor, body.replace("100.00", "99.00"));
		assertThat(conflicting.status()).isEqualTo(409);
		assertThat(conflicting.header("Content-Type")).startsWith("application/problem+json");
		assertThat(count(vendor)).isEqualTo(1);
	}

	@Test
	void refusesBadSignaturesAndReplaysOutsideTheTolerance() {
		TestVendor vendor = newVendor();
		String body = body("S-1", now(), "USD", "s@example.net", "10", "");
		long t = Instant.now().getEpochSecond();
		assertThat(api.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json").status())
			.isEqualTo(401);
		assertThat(api.header("X-Partnerline-Signature", "garbage")
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json")
			.status()).isEqualTo(401);
		String wrongKey = ProcessorSignature.header("not-the-secret", t, body.getBytes(StandardCharsets.UTF_8));
		assertThat(api.header("X-Partnerline-Signature", wrongKey)
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json")
			.status()).isEqualTo(401);
		String signedOther = ProcessorSignature.header(vendor.processorSecret(), t,
				body.replace("10", "11").getBytes(StandardCharsets.UTF_8));
		assertThat(api.header("X-Partnerline-Signature", signedOther)
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json")
			.status()).isEqualTo(401);
		Api.Response stale = send(vendor, "/orders", body, t - 310);
		assertThat(stale.status()).isEqualTo(401);
		assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
		assertThat(send(vendor, "/orders", body, t + 320).status()).isEqualTo(401);
		assertThat(count(vendor)).isZero();
		assertThat(send(vendor, "/orders", body, t - 240).status()).isEqualTo(201);
	}

	@Test
	void storesExactlyOneOfConcurrentDuplicateDeliveries() throws Exception {
		TestVendor vendor = newVendor();
		String body = body("C-1", now(), "USD", "c@example.net", "10", "");
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				calls.add(() -> order(vendor, body).status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(calls)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(200, 201);
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count(vendor)).isEqualTo(1);
	}

	@Test
	void attributesByPrecedenceNamedPartnerClickLinkCouponCookie() {
		TestVendor vendor = newVendor();
		TestPartner named = newPartner(vendor);
		TestPartner clicked = newPartner(vendor);
		TestPartner linked = newPartner(vendor);
		TestPartner couponed = newPartner(vendor);
		TestPartner cookied = newPartner(vendor);
		String click = clickId(clicked, vendor);
		String cookieClick = clickId(cookied, vendor);
		String link = linked.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD")).json()
			.path("code").asString();
		admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/coupons/SAVE10", map("partnerId", couponed.id()));
		String all = "\"partnerId\":\"" + named.id() + "\",\"clickId\":\"" + click + "\",\"linkCode\":\"" + link
				+ "\",\"coupon\":\"save10\"";
		Api cookieApi = api.header("Cookie", "pl_ref=" + cookieClick);
		String[][] cases = {
				{ "P", all, named.id(), "PARTNER" },
				{ "K", all.substring(all.indexOf("\"clickId")), clicked.id(), "CLICK" },
				{ "L", all.substring(all.indexOf("\"linkCode")), linked.id(), "LINK" },
				{ "Q", "\"coupon\":\"save10\"", couponed.id(), "COUPON" },
				{ "Z", "", cookied.id(), "COOKIE" },
				{ "U", "\"clickId\":\"unknownclick0000\"", cookied.id(), "COOKIE" } };
		for (String[] c : cases) {
			String body = body("P-" + c[0], now(), "USD", "x@example.net", "10", c[1]);
			Api.Response response = cookieApi
				.header("X-Partnerline-Signature", ProcessorSignature.header(vendor.processorSecret(),
						Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)))
				.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			assertThat(response.json().path("partnerId").asString()).as(c[0]).isEqualTo(c[2]);
			assertThat(stored(vendor, "P-" + c[0]).get("attribution")).as(c[0]).isEqualTo(c[3]);
		}
		Api.Response none = order(vendor, body("P-N", now(), "USD", "x@example.net", "10", ""));
		assertThat(none.json().path("partnerId").isNull()).isTrue();
		assertThat(stored(vendor, "P-N").get("attribution")).isEqualTo("NONE");
	}

	@Test
	void ignoresAClickOlderThanTheCookieWindow() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String click = clickId(partner, vendor);
		jdbc.sql("UPDATE clicks SET occurred_at = occurred_at - interval '31 days' WHERE click_id = ?")
			.param(click)
			.update();
		Api.Response response = order(vendor, body("W-1", now(), "USD", "w@example.net", "10",
				"\"clickId\":\"" + click + "\""));
		assertThat(response.json().path("partnerId").isNull()).isTrue();
		String fresh = clickId(partner, vendor);
		jdbc.sql("UPDATE clicks SET occurred_at = occurred_at - interval '29 days' WHERE click_id = ?")
			.param(fresh)
			.update();
		assertThat(order(vendor, body("W-2", now(), "USD", "w@example.net", "10", "\"clickId\":\"" + fresh + "\""))
			.json()
			.path("partnerId")
			.asString()).isEqualTo(partner.id());
	}

	@Test
	void storesAndFlagsSelfReferralWithoutCountingItsVolume() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Api.Response response = order(vendor, body("SELF-1", "2026-11-20T10:00:00Z", "USD",
				partner.email().toUpperCase(), "500", "\"partnerId\":\"" + partner.id() + "\""));
		assertThat(response.status()).isEqualTo(201);
		assertThat(stored(vendor, "SELF-1").get("self_referral")).isEqualTo(true);
		var v = catalog.vendor(vendor.slug());
		assertThat(orders.monthlyVolumes(v.id(), YearMonth.of(2026, 11))).isEmpty();
	}

	@Test
	void convertsOtherCurrenciesAndRefusesOrdersWithoutRate() {
		TestVendor vendor = newVendor();
		admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/fx/EUR/2026-11-01", map("rate", "1.0825"));
		Api.Response eur = order(vendor, body("FX-1", "2026-11-20T10:00:00+01:00", "EUR", "f@example.net", "99.99", ""));
		assertThat(eur.status()).isEqualTo(201);
		assertThat(eur.json().path("amount").asString()).isEqualTo("108.24");
		assertThat(eur.json().path("currency").asString()).isEqualTo("USD");
		Map<String, Object> row = stored(vendor, "FX-1");
		assertThat(row.get("currency").toString().trim()).isEqualTo("EUR");
		assertThat(new java.math.BigDecimal(row.get("original_amount").toString())).isEqualByComparingTo("99.99");
		assertThat(new java.math.BigDecimal(row.get("rate").toString())).isEqualByComparingTo("1.0825");
		assertThat(new java.math.BigDecimal(row.get("amount").toString())).isEqualByComparingTo("108.239175");

		Api.Response gbp = order(vendor, body("FX-2", "2026-11-20T10:00:00Z", "GBP", "f@example.net", "10", ""));
		assertThat(gbp.status()).isEqualTo(422);
		assertThat(gbp.json().path("detail").asString()).contains("GBP", "2026-11-20");
		Api.Response early = order(vendor, body("FX-3", "2026-10-31T10:00:00Z", "EUR", "f@example.net", "10", ""));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().path("detail").asString()).contains("EUR", "2026-10-31");
		assertThat(count(vendor)).isEqualTo(1);
	}

	@Test
	void namesEveryBadFieldOfAnOrder() {
		TestVendor vendor = newVendor();
		String body = """
				{"occurredAt":"yesterday","currency":"usd","customer":{"email":"nope","country":"Germany"},
				 "items":[{"sku":"","quantity":0,"unitPrice":"-1"},{"sku":"PROD","quantity":1.5,"unitPrice":"1.23456"}],
				 "referral":{"partnerId":"not-a-uuid"}}""";
		Api.Response response = order(vendor, body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("orderId", "occurredAt", "currency",
				"customer.email", "customer.country", "items[0].sku", "items[0].quantity", "items[0].unitPrice",
				"items[1].quantity", "items[1].unitPrice", "referral.partnerId");
		assertThat(order(vendor, "{not json").status()).isEqualTo(400);
		assertThat(order(vendor, body("E-1", now(), "USD", "e@example.net", "1", "").replace(
				"\"items\":[{\"sku\":\"PROD\",\"quantity\":1,\"unitPrice\":\"1\"}]", "\"items\":[]"))
			.errorFields()).containsExactly("items");
		assertThat(api.header("X-Partnerline-Signature", "t=1,v1=00")
			.send("POST", "/api/v1/vendors/no-such-vendor/orders", "{}", "application/json")
			.status()).isEqualTo(404);
		assertThat(count(vendor)).isZero();
	}

	@Test
	void booksRefundsOnceAndNeverAboveWhatRemains() {
		TestVendor vendor = newVendor();
		assertThat(order(vendor, body("R-1", now(), "USD", "r@example.net", "100", "")).status()).isEqualTo(201);
		long t = Instant.now().getEpochSecond();
		String refund = "{\"refundId\":\"RF-1\",\"amount\":\"30.00\",\"occurredAt\":\"" + now() + "\"}";
		Api.Response created = send(vendor, "/orders/R-1/refunds", refund, t);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("amount").asString()).isEqualTo("30.00");
		Api.Response again = send(vendor, "/orders/R-1/refunds", refund, t);
		assertThat(again.status()).as("idempotent on refundId: the first answer again").isEqualTo(201);
		assertThat(again.body()).isEqualTo(created.body());
		assertThat(jdbc.sql("SELECT count(*) FROM refunds WHERE refund_id = 'RF-1' AND vendor_id = "
				+ "(SELECT id FROM vendors WHERE slug = ?)").param(vendor.slug()).query(Long.class).single()).isEqualTo(1);
		assertThat(send(vendor, "/orders/R-1/refunds", refund.replace("30.00", "31.00"), t).status()).isEqualTo(409);
		Api.Response above = send(vendor, "/orders/R-1/refunds",
				"{\"refundId\":\"RF-2\",\"amount\":\"70.01\",\"occurredAt\":\"" + now() + "\"}", t);
		assertThat(above.status()).isEqualTo(422);
		assertThat(send(vendor, "/orders/R-1/refunds",
				"{\"refundId\":\"RF-3\",\"amount\":\"70\",\"occurredAt\":\"" + now() + "\"}", t).status()).isEqualTo(201);
		assertThat(send(vendor, "/orders/NOPE/refunds",
				"{\"refundId\":\"RF-4\",\"amount\":\"1\",\"occurredAt\":\"" + now() + "\"}", t).status()).isEqualTo(404);
		assertThat(send(vendor, "/orders/R-1/refunds", "{\"refundId\":\"RF-5\",\"amount\":\"0\"}", t).errorFields())
			.containsExactly("amount");
		assertThat(send(vendor, "/orders/R-1/refunds", refund, t - 400).status()).isEqualTo(401);
	}

	@Test
	void countsAnOrderNearMidnightInTheVendorsMonthAndShowsStatsOnlyToItsPartner() {
		String slug = unique("ny");
		assertThat(admin.put("/api/v1/admin/vendors/" + slug, map("name", "NY", "timeZone", "America/New_York",
				"currency", "USD", "allowedDomains", List.of(slug + ".example.com"))).status()).isEqualTo(200);
		admin.put("/api/v1/admin/vendors/" + slug + "/program", map("termsVersion", "1.0", "termsText", "T"));
		admin.put("/api/v1/admin/vendors/" + slug + "/products/PROD",
				map("name", "P", "price", "100.00", "currency", "USD"));
		TestVendor vendor = new TestVendor(slug, catalog.processorSecret(catalog.vendor(slug).id()));
		TestPartner partner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		String ref = "\"partnerId\":\"" + partner.id() + "\"";
		// 23:30 on 31 October in New York
		assertThat(order(vendor, body("M-1", "2026-11-01T03:30:00Z", "USD", "m@example.net", "100", ref)).status())
			.isEqualTo(201);
		// 00:30 on 1 November in New York
		assertThat(order(vendor, body("M-2", "2026-11-01T04:30:00Z", "USD", "m@example.net", "40", ref)).status())
			.isEqualTo(201);
		Api.Response stats = partner.api()
			.get("/api/v1/partner/programs/" + slug + "/stats?from=2026-10&to=2026-11");
		assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
		assertThat(stats.json()).hasSize(2);
		assertThat(stats.json().get(0).path("month").asString()).isEqualTo("2026-10");
		assertThat(stats.json().get(0).path("orders").asLong()).isEqualTo(1);
		assertThat(stats.json().get(0).path("volume").asString()).isEqualTo("100.00");
		assertThat(stats.json().get(1).path("orders").asLong()).isEqualTo(1);
		assertThat(stats.json().get(1).path("volume").asString()).isEqualTo("40.00");
		// band and commission of each month: 100.00 in A1 at 15 % is 15.00, 40.00 is 6.00
		assertThat(stats.json().get(0).path("band").asString()).isEqualTo("A1");
		assertThat(stats.json().get(0).path("rate").asString()).isEqualTo("0.15");
		assertThat(stats.json().get(0).path("commission").asString()).isEqualTo("15.00");
		assertThat(stats.json().get(1).path("commission").asString()).isEqualTo("6.00");
		Api.Response others = other.api().get("/api/v1/partner/programs/" + slug + "/stats?from=2026-10&to=2026-11");
		assertThat(others.json().get(0).path("orders").asLong()).isZero();
		assertThat(newPartner(newVendor()).api().get("/api/v1/partner/programs/" + slug + "/stats").status())
			.isEqualTo(404);
		assertThat(partner.api().get("/api/v1/partner/programs/" + slug + "/stats?from=2026-13").errorFields())
			.containsExactly("from");
	}

	@Test
	void countsClicksAndCountedClicksInTheStats() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = partner.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD")).json()
			.path("code").asString();
		for (int i = 0; i < 3; i++) {
			assertThat(api.get("/r/" + code).status()).isEqualTo(302);
		}
		String month = YearMonth.now(java.time.ZoneOffset.UTC).toString();
		Api.Response stats = partner.api()
			.get("/api/v1/partner/programs/" + vendor.slug() + "/stats?from=" + month + "&to=" + month);
		assertThat(stats.json().get(0).path("clicks").asLong()).isEqualTo(3);
		assertThat(stats.json().get(0).path("countedClicks").asLong()).isEqualTo(1);
	}

}
