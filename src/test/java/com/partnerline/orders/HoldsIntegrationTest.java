package com.partnerline.orders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.partnerline.accounts.AccountStatus;
import com.partnerline.kernel.HmacSignature;
import com.partnerline.partners.PartnerManagement.Registration;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * commission-policy.md, "Holds and payout timing": each risk rule, the review queue, an
 * approval before and after the month's close (figures worked by hand), a rejection.
 */
class HoldsIntegrationTest extends IntegrationTest {

	Api.Response order(TestVendor vendor, String orderId, String at, String email, String ip, String partnerId,
			String price) {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"%s","country":"DE"%s},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{"partnerId":"%s"}}"""
			.formatted(orderId, at, email, ip == null ? "" : ",\"ip\":\"" + ip + "\"", price, partnerId);
		Api.Response response = api
			.header(HmacSignature.HEADER,
					HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
							body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	List<JsonNode> held(TestVendor vendor) {
		Api.Response response = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/held-orders");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> list = new java.util.ArrayList<>();
		response.json().forEach(list::add);
		return list;
	}

	String reasonOf(TestVendor vendor, String orderId) {
		return held(vendor).stream()
			.filter(h -> h.path("orderId").asString().equals(orderId))
			.map(h -> h.path("reason").asString())
			.findFirst()
			.orElse(null);
	}

	Api.Response review(TestVendor vendor, String orderId, String decision, String reason) {
		return admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/orders/" + orderId + "/review",
				map("decision", decision, "reason", reason));
	}

	JsonNode close(TestVendor vendor, String month) {
		Api.Response response = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/periods/" + month + "/close",
				null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	static JsonNode statementOf(JsonNode close, TestPartner partner) {
		for (JsonNode statement : close.path("statements")) {
			if (statement.path("partnerId").asString().equals(partner.id())) {
				return statement;
			}
		}
		throw new AssertionError("no statement for " + partner.id() + " in " + close);
	}

	Map<String, JsonNode> transactions(TestPartner partner, TestVendor vendor, String from, String to) {
		Api.Response response = partner.api()
			.get("/api/v1/partner/programs/" + vendor.slug() + "/transactions?from=" + from + "&to=" + to);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		Map<String, JsonNode> byId = new java.util.HashMap<>();
		response.json().forEach(t -> byId.put(t.path("orderId").asString(), t));
		return byId;
	}

	@Test
	void holdsAnOrderWhoseCustomerSharesThePartnersMailDomainButNotAPublicOne() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor); // partner-…@example.org
		order(vendor, "d-1", "2026-11-03T10:00:00Z", "colleague@EXAMPLE.org", null, partner.id(), "80.00");
		order(vendor, "d-2", "2026-11-03T11:00:00Z", "buyer@customer.example", null, partner.id(), "80.00");
		assertThat(reasonOf(vendor, "d-1")).isEqualTo("SAME_DOMAIN");
		assertThat(reasonOf(vendor, "d-2")).isNull();

		String email = unique("pub") + "@gmail.com";
		partners.register(new Registration(email, Fixtures.PASSWORD, "Gmail Partner", null, "DE",
				partners.platformTerms().version(), Locale.ENGLISH), AccountStatus.ACTIVE, null, null);
		Api gmail = api.as(Fixtures.token(api, email, Fixtures.PASSWORD));
		assertThat(gmail.post("/api/v1/partner/programs", map("vendor", vendor.slug(), "acceptTermsVersion", "1.0"))
			.status()).isEqualTo(201);
		String gmailId = gmail.get("/api/v1/partner/me").json().path("partnerId").asString();
		order(vendor, "d-3", "2026-11-03T12:00:00Z", "friend@gmail.com", null, gmailId, "80.00");
		assertThat(reasonOf(vendor, "d-3")).isNull();

		// switched off for the program: the same order is not held
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/program",
				map("riskRules", map("sameAddressOrDomain", false))).status()).isEqualTo(200);
		JsonNode program = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/program").json();
		assertThat(program.path("riskRules").path("sameAddressOrDomain").asBoolean()).isFalse();
		assertThat(program.path("riskRules").path("repeatCustomer").asBoolean()).isTrue();
		order(vendor, "d-4", "2026-11-03T13:00:00Z", "another@example.org", null, partner.id(), "80.00");
		assertThat(reasonOf(vendor, "d-4")).isNull();
	}

	@Test
	void aRefundOfAHeldOrderTakesNothingFromTheLiveVolume() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor); // partner-…@example.org
		order(vendor, "hr-1", "2026-11-03T10:00:00Z", "colleague@example.org", null, partner.id(), "80.00");
		order(vendor, "hr-2", "2026-11-03T11:00:00Z", "buyer@customer.example", null, partner.id(), "120.00");
		assertThat(reasonOf(vendor, "hr-1")).isEqualTo("SAME_DOMAIN");
		String refund = "{\"refundId\":\"hr-1-r\",\"amount\":\"80.00\",\"occurredAt\":\"2026-11-04T10:00:00Z\"}";
		Api.Response refunded = api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					refund.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders/hr-1/refunds", refund, "application/json");
		assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
		// November counts the 120.00 order only; the held order and its refund are both outside it
		JsonNode november = partner.api()
			.get("/api/v1/partner/programs/" + vendor.slug() + "/stats?from=2026-11&to=2026-11")
			.json()
			.get(0);
		assertThat(november.path("volume").asString()).isEqualTo("120.00");
		assertThat(november.path("commission").asString()).isEqualTo("18.00");
		assertThat(statementOf(close(vendor, "2026-11"), partner).path("volume").asString()).isEqualTo("120.00");
	}

	@Test
	void holdsAnOrderFromAnAddressThePartnerLoggedOnFrom() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor); // its token was issued to 127.0.0.1
		order(vendor, "a-1", "2026-11-04T10:00:00Z", "buyer@customer.example", "127.0.0.1", partner.id(), "50.00");
		order(vendor, "a-2", "2026-11-04T10:00:00Z".replace("10:", "11:"), "buyer@customer.example", "198.51.100.20",
				partner.id(), "50.00");
		assertThat(reasonOf(vendor, "a-1")).isEqualTo("SAME_ADDRESS");
		assertThat(reasonOf(vendor, "a-2")).isNull();
		Api.Response bad = api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					"{}".getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", """
					{"orderId":"a-3","occurredAt":"2026-11-04T10:00:00Z","currency":"USD",
					 "customer":{"email":"b@customer.example","country":"DE","ip":"999.1.1.1"},
					 "items":[{"sku":"PROD","quantity":1,"unitPrice":"5"}],"referral":{}}""", "application/json");
		assertThat(bad.status()).isIn(401, 422);
	}

	@Test
	void holdsTheSixthOrderFromOneCustomerAddressWithin24Hours() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		for (int i = 1; i <= 6; i++) {
			order(vendor, "r-" + i, "2026-11-05T0" + i + ":00:00Z", "buyer" + i + "@customer.example", "203.0.113.7",
					partner.id(), "20.00");
		}
		// a day later the window starts again
		order(vendor, "r-7", "2026-11-07T10:00:00Z", "buyer7@customer.example", "203.0.113.7", partner.id(), "20.00");
		assertThat(held(vendor)).extracting(h -> h.path("orderId").asString()).containsExactly("r-6");
		assertThat(reasonOf(vendor, "r-6")).isEqualTo("REPEAT_CUSTOMER");
	}

	@Test
	void holdsEveryNewOrderOfAPartnerWhoseRefundsExceed30Percent() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		order(vendor, "f-1", "2026-10-01T10:00:00Z", "b1@customer.example", null, partner.id(), "100.00");
		String refund = "{\"refundId\":\"f-1-r\",\"amount\":\"30.00\",\"occurredAt\":\"2026-10-02T10:00:00Z\"}";
		assertThat(api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					refund.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders/f-1/refunds", refund, "application/json")
			.status()).isEqualTo(201);
		// 30.00 of 100.00 is not more than 30%
		order(vendor, "f-2", "2026-10-03T10:00:00Z", "b2@customer.example", null, partner.id(), "0.01");
		String more = "{\"refundId\":\"f-1-r2\",\"amount\":\"1.00\",\"occurredAt\":\"2026-10-04T10:00:00Z\"}";
		assertThat(api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					more.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders/f-1/refunds", more, "application/json")
			.status()).isEqualTo(201);
		// 31.00 of 100.01 is
		order(vendor, "f-3", "2026-10-05T10:00:00Z", "b3@customer.example", null, partner.id(), "50.00");
		assertThat(reasonOf(vendor, "f-2")).isNull();
		assertThat(reasonOf(vendor, "f-3")).isEqualTo("REFUND_RATE");
	}

	@Test
	void anOrderApprovedWhileItsMonthIsOpenCountsInItsMonth() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		order(vendor, "o-1", "2026-10-05T10:00:00Z", "b@customer.example", null, partner.id(), "300.00");
		order(vendor, "o-2", "2026-10-06T10:00:00Z", "x@example.org", null, partner.id(), "400.00");
		assertThat(transactions(partner, vendor, "2026-10", "2026-10").get("o-2").path("status").asString())
			.isEqualTo("HELD");
		assertThat(transactions(partner, vendor, "2026-10", "2026-10").get("o-2").path("holdReason").asString())
			.isEqualTo("SAME_DOMAIN");

		Api.Response approved = review(vendor, "o-2", "APPROVE", "Customer is a colleague's client, checked by phone");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(review(vendor, "o-2", "APPROVE", "again").status()).isEqualTo(200);
		assertThat(held(vendor)).isEmpty();
		assertThat(transactions(partner, vendor, "2026-10", "2026-10").get("o-2").path("status").asString())
			.isEqualTo("PENDING");

		// 300.00 + 400.00 = 700.00 → A2 (20%) → 140.00, paid (≥ 50.00)
		JsonNode statement = statementOf(close(vendor, "2026-10"), partner);
		assertThat(statement.path("volume").asString()).isEqualTo("700.00");
		assertThat(statement.path("band").asString()).isEqualTo("A2");
		assertThat(statement.path("commission").asString()).isEqualTo("140.00");
		assertThat(statement.path("adjustments").asString()).isEqualTo("0.00");
		assertThat(statement.path("payable").asString()).isEqualTo("140.00");
		assertThat(transactions(partner, vendor, "2026-10", "2026-10").get("o-2").path("status").asString())
			.isEqualTo("ON_STATEMENT");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ORDER_RELEASED' AND subject = 'o-2'"
				+ " AND vendor_id = (SELECT id FROM vendors WHERE slug = ?)")
			.param(vendor.slug())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anOrderApprovedAfterItsMonthClosedIsALateOrderOnTheNextStatement() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		order(vendor, "l-1", "2026-09-05T10:00:00Z", "b@customer.example", null, partner.id(), "300.00");
		order(vendor, "l-2", "2026-09-06T10:00:00Z", "x@example.org", null, partner.id(), "400.00");

		// September without the held order: 300.00 → A1 (15%) → 45.00, under 50.00: carried forward
		JsonNode september = statementOf(close(vendor, "2026-09"), partner);
		assertThat(september.path("volume").asString()).isEqualTo("300.00");
		assertThat(september.path("rate").asString()).isEqualTo("0.15");
		assertThat(september.path("commission").asString()).isEqualTo("45.00");
		assertThat(september.path("payable").asString()).isEqualTo("0.00");
		assertThat(september.path("carriedForward").asString()).isEqualTo("45.00");
		assertThat(transactions(partner, vendor, "2026-09", "2026-09").get("l-2").path("status").asString())
			.isEqualTo("HELD");

		assertThat(review(vendor, "l-2", "APPROVE", "Verified").status()).isEqualTo(200);
		// September stays as it was closed
		JsonNode again = statementOf(close(vendor, "2026-09"), partner);
		assertThat(again.path("volume").asString()).isEqualTo("300.00");
		assertThat(again.path("commission").asString()).isEqualTo("45.00");

		// October: no volume; late order 400.00 × September's 15% = 60.00; due 60.00 + 45.00 = 105.00
		JsonNode october = statementOf(close(vendor, "2026-10"), partner);
		assertThat(october.path("volume").asString()).isEqualTo("0.00");
		assertThat(october.path("commission").asString()).isEqualTo("0.00");
		assertThat(october.path("adjustments").asString()).isEqualTo("60.00");
		assertThat(october.path("broughtForward").asString()).isEqualTo("45.00");
		assertThat(october.path("payable").asString()).isEqualTo("105.00");
		assertThat(transactions(partner, vendor, "2026-09", "2026-09").get("l-2").path("status").asString())
			.isEqualTo("ON_STATEMENT");
	}

	@Test
	void aRejectedOrderIsNeverCommissionedAndKeepsItsReason() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		order(vendor, "j-1", "2026-08-05T10:00:00Z", "b@customer.example", null, partner.id(), "600.00");
		order(vendor, "j-2", "2026-08-06T10:00:00Z", "x@example.org", null, partner.id(), "5000.00");

		Api.Response missing = review(vendor, "j-2", "REJECT", " ");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.errorFields()).containsExactly("reason");
		assertThat(review(vendor, "j-2", "MAYBE", "x").errorFields()).containsExactly("decision");
		assertThat(review(vendor, "j-1", "APPROVE", "not held").status()).isEqualTo(409);
		assertThat(review(vendor, "nope", "APPROVE", "unknown").status()).isEqualTo(404);
		assertThat(held(vendor)).hasSize(1);

		assertThat(review(vendor, "j-2", "REJECT", "Own company's purchase").status()).isEqualTo(200);
		assertThat(review(vendor, "j-2", "APPROVE", "changed my mind").status()).isEqualTo(409);
		assertThat(held(vendor)).isEmpty();

		// 600.00 → A2 (20%) → 120.00; the rejected 5,000.00 counts nowhere
		JsonNode statement = statementOf(close(vendor, "2026-08"), partner);
		assertThat(statement.path("volume").asString()).isEqualTo("600.00");
		assertThat(statement.path("commission").asString()).isEqualTo("120.00");
		JsonNode rejected = transactions(partner, vendor, "2026-08", "2026-08").get("j-2");
		assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.path("holdReason").asString()).isEqualTo("SAME_DOMAIN");
		assertThat(rejected.path("reviewReason").asString()).isEqualTo("Own company's purchase");
		assertThat(transactions(partner, vendor, "2026-08", "2026-08").get("j-1").path("status").asString())
			.isEqualTo("ON_STATEMENT");
		// another partner sees none of it
		assertThat(transactions(other, vendor, "2026-08", "2026-08")).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ORDER_REJECTED' AND subject = 'j-2'"
				+ " AND vendor_id = (SELECT id FROM vendors WHERE slug = ?)")
			.param(vendor.slug())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
