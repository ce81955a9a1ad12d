package com.partnerline.commissions;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.orders.Attribution;
import com.partnerline.orders.NewOrder;
import com.partnerline.orders.NewRefund;
import com.partnerline.orders.OrderItem;
import com.partnerline.orders.OrderManagement;
import com.partnerline.partners.PartnerType;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.IntegrationTest;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/commission-policy.md end to end: orders through the orders module, closes and
 * statements through the public API, payouts as files read back.
 */
@RecordApplicationEvents
class CommissionsIntegrationTest extends IntegrationTest {

	static final Currency USD = Currency.getInstance("USD");

	@Autowired
	OrderManagement orders;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CommissionManagement commissions;

	@Autowired
	MonthCloseJob job;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	// ---- helpers -------------------------------------------------------------------

	Vendor vendor(String timeZone) {
		String slug = unique("com");
		Api.Response created = admin.put("/api/v1/admin/vendors/" + slug, map("name", "Vendor " + slug, "timeZone",
				timeZone, "currency", "USD", "allowedDomains", List.of(slug + ".example.com")));
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		Api.Response program = admin.put("/api/v1/admin/vendors/" + slug + "/program",
				map("termsVersion", "1.0", "termsText", "Standard terms of " + slug));
		assertThat(program.status()).as(program.toString()).isEqualTo(200);
		return catalog.vendor(slug);
	}

	TestPartner partner(Vendor vendor) {
		return Fixtures.partner(api, partners, new Fixtures.TestVendor(vendor.slug(), ""));
	}

	void order(Vendor vendor, TestPartner partner, String orderId, String at, String amount) {
		orders.record(vendor, new NewOrder(orderId, OffsetDateTime.parse(at), USD, "buyer@example.net", "DE",
				List.of(new OrderItem("PROD", 1, new BigDecimal(amount))), PartnerId.of(partner.id()),
				Attribution.PARTNER, null, false, OrderManagement.sha256(orderId + amount)));
	}

	void refund(Vendor vendor, String orderId, String refundId, String at, String amount) {
		orders.refund(vendor, orderId, new NewRefund(refundId, new BigDecimal(amount), OffsetDateTime.parse(at),
				OrderManagement.sha256(refundId + amount)));
	}

	Api.Response close(Vendor vendor, String month) {
		return admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/periods/" + month + "/close", null);
	}

	JsonNode closed(Vendor vendor, String month) {
		Api.Response response = close(vendor, month);
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

	static void assertStatement(JsonNode s, String volume, String band, String rate, String commission,
			String adjustments, String brought, String payable, String carried) {
		assertThat(s.path("volume").asString()).as("volume").isEqualTo(volume);
		assertThat(s.path("band").asString()).as("band").isEqualTo(band);
		assertThat(s.path("rate").asString()).as("rate").isEqualTo(rate);
		assertThat(s.path("commission").asString()).as("commission").isEqualTo(commission);
		assertThat(s.path("adjustments").asString()).as("adjustments").isEqualTo(adjustments);
		assertThat(s.path("broughtForward").asString()).as("broughtForward").isEqualTo(brought);
		assertThat(s.path("payable").asString()).as("payable").isEqualTo(payable);
		assertThat(s.path("carriedForward").asString()).as("carriedForward").isEqualTo(carried);
	}

	long batches(Vendor vendor) {
		return jdbc.sql("SELECT count(*) FROM payout_batches WHERE vendor_id = ?")
			.param(vendor.id().value())
			.query(Long.class)
			.single();
	}

	// ---- the policy ------------------------------------------------------------------

	@Test
	void workedExampleWithALateRefundOnTheNextMonth() {
		Vendor vendor = vendor("UTC");
		TestPartner alice = partner(vendor);
		order(vendor, alice, "we-1", "2025-11-03T10:00:00Z", "300.00");
		order(vendor, alice, "we-2", "2025-11-14T10:00:00Z", "450.00");
		order(vendor, alice, "we-3", "2025-11-29T10:00:00Z", "99.99");

		JsonNode november = closed(vendor, "2025-11");
		assertThat(november.path("statements")).hasSize(1);
		assertStatement(statementOf(november, alice), "849.99", "A2", "0.2", "170.00", "0.00", "0.00", "170.00", "0.00");
		long novemberBatch = november.path("payoutBatchId").asLong();
		Api.Response batch = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/payouts/" + novemberBatch);
		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.json().path("items")).hasSize(1);
		assertThat(batch.json().path("items").get(0).path("amount").asString()).isEqualTo("170.00");
		assertThat(batch.json().path("total").asString()).isEqualTo("170.00");

		// 3 December: a refund of 99.99 on a November order, after November was closed
		refund(vendor, "we-3", "we-r1", "2025-12-03T09:00:00Z", "99.99");
		JsonNode december = closed(vendor, "2025-12");
		assertStatement(statementOf(december, alice), "0.00", "A1", "0.15", "0.00", "-20.00", "0.00", "0.00", "-20.00");

		// November stays as it was booked
		assertStatement(statementOf(closed(vendor, "2025-11"), alice), "849.99", "A2", "0.2", "170.00", "0.00", "0.00",
				"170.00", "0.00");

		// the partner reads both, with their lines
		Api.Response nov = alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/statements/2025-11");
		assertThat(nov.status()).as(nov.toString()).isEqualTo(200);
		assertThat(nov.json().path("commission").asString()).isEqualTo("170.00");
		assertThat(nov.json().path("lines").findValuesAsString("kind")).containsExactly("ORDER", "ORDER", "ORDER");
		Api.Response dec = alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/statements/2025-12");
		JsonNode adjustment = dec.json().path("lines").get(0);
		assertThat(adjustment.path("kind").asString()).isEqualTo("ADJUSTMENT");
		assertThat(adjustment.path("amount").asString()).isEqualTo("-20.00");
		assertThat(adjustment.path("rate").asString()).isEqualTo("0.2");
		assertThat(adjustment.path("orderMonth").asString()).isEqualTo("2025-11");
		assertThat(dec.json().path("lines").findValuesAsString("kind")).containsExactly("ADJUSTMENT", "CARRIED_FORWARD");

		// January: the negative balance is carried and netted against new commission
		order(vendor, alice, "we-4", "2026-01-10T10:00:00Z", "600.00");
		assertStatement(statementOf(closed(vendor, "2026-01"), alice), "600.00", "A2", "0.2", "120.00", "0.00",
				"-20.00", "100.00", "0.00");
	}

	@Test
	void refundsInTheSameMonthReduceTheVolumeBeforeTheBandIsChosen() {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "sm-1", "2025-10-02T10:00:00Z", "400.00");
		order(vendor, partner, "sm-2", "2025-10-03T10:00:00Z", "150.00");
		refund(vendor, "sm-2", "sm-r", "2025-10-20T10:00:00Z", "100.00");
		// 550 - 100 = 450 → A1
		assertStatement(statementOf(closed(vendor, "2025-10"), partner), "450.00", "A1", "0.15", "67.50", "0.00", "0.00",
				"67.50", "0.00");
		Api.Response statement = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/statements/2025-10");
		assertThat(statement.json().path("lines").findValuesAsString("kind")).containsExactly("ORDER", "ORDER",
				"REFUND");
		assertThat(statement.json().path("lines").get(2).path("amount").asString()).isEqualTo("-100.00");
		assertThat(statement.json().path("lines").get(2).path("reference").asString()).isEqualTo("sm-r / sm-2");
	}

	@Test
	void halfEvenEdgesAreRoundedOnce() {
		Vendor vendor = vendor("UTC");
		TestPartner even = partner(vendor);
		TestPartner odd = partner(vendor);
		TestPartner many = partner(vendor);
		order(vendor, even, "he-1", "2025-09-05T10:00:00Z", "500.025"); // × 0.2 = 100.005 → 100.00
		order(vendor, odd, "he-2", "2025-09-05T10:00:00Z", "500.075"); // × 0.2 = 100.015 → 100.02
		for (int i = 0; i < 3; i++) { // 3 × 0.10 × 0.15 = 0.045 → 0.04 (per order it would be 0.06)
			order(vendor, many, "he-m" + i, "2025-09-06T10:00:00Z", "0.10");
		}
		JsonNode september = closed(vendor, "2025-09");
		assertThat(statementOf(september, even).path("commission").asString()).isEqualTo("100.00");
		assertThat(statementOf(september, odd).path("commission").asString()).isEqualTo("100.02");
		assertStatement(statementOf(september, many), "0.30", "A1", "0.15", "0.04", "0.00", "0.00", "0.00", "0.04");
	}

	@Test
	void aMonthIsTheCalendarMonthInTheVendorsTimeZone() {
		Vendor vendor = vendor("America/New_York");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "tz-1", "2025-12-01T04:59:59Z", "600.00"); // 30 Nov 23:59:59 in New York
		order(vendor, partner, "tz-2", "2025-12-01T05:00:00Z", "1000.00"); // 1 Dec 00:00 in New York
		order(vendor, partner, "tz-3", "2025-11-01T03:59:59Z", "2000.00"); // 31 Oct 23:59:59 in New York
		assertStatement(statementOf(closed(vendor, "2025-11"), partner), "600.00", "A2", "0.2", "120.00", "0.00", "0.00",
				"120.00", "0.00");
		assertStatement(statementOf(closed(vendor, "2025-12"), partner), "1000.00", "A2", "0.2", "200.00", "0.00",
				"0.00", "200.00", "0.00");
	}

	@Test
	void aMonthThatHasNotEndedIsRefused() {
		Vendor vendor = vendor("Pacific/Kiritimati");
		YearMonth current = commissions.currentMonth(vendor);
		Api.Response running = close(vendor, current.toString());
		assertThat(running.status()).as(running.toString()).isEqualTo(422);
		assertThat(running.header("Content-Type")).startsWith("application/problem+json");
		assertThat(running.json().path("detail").asString()).contains(current.toString());
		assertThat(close(vendor, "2099-01").status()).isEqualTo(422);
		Api.Response bad = close(vendor, "2025-13");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.errorFields()).containsExactly("month");
		assertThat(commissions.isClosed(vendor.id(), current)).isFalse();
		assertThat(batches(vendor)).isZero();
	}

	@Test
	void carryForwardBelowTheMinimumUntilItIsReached() {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "cf-1", "2025-03-10T10:00:00Z", "100.00");
		assertStatement(statementOf(closed(vendor, "2025-03"), partner), "100.00", "A1", "0.15", "15.00", "0.00", "0.00",
				"0.00", "15.00");
		// April: no sales, but a balance: a statement that brings and carries it
		JsonNode april = closed(vendor, "2025-04");
		assertStatement(statementOf(april, partner), "0.00", "A1", "0.15", "0.00", "0.00", "15.00", "0.00", "15.00");
		assertThat(admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/payouts/" + april.path("payoutBatchId").asLong())
			.json()
			.path("items")).isEmpty();
		order(vendor, partner, "cf-2", "2025-05-10T10:00:00Z", "200.00");
		assertStatement(statementOf(closed(vendor, "2025-05"), partner), "200.00", "A1", "0.15", "30.00", "0.00",
				"15.00", "0.00", "45.00");
		order(vendor, partner, "cf-3", "2025-06-10T10:00:00Z", "50.00");
		JsonNode june = closed(vendor, "2025-06");
		assertStatement(statementOf(june, partner), "50.00", "A1", "0.15", "7.50", "0.00", "45.00", "52.50", "0.00");
		// July: nothing left to bring, no activity: no statement
		assertThat(closed(vendor, "2025-07").path("statements")).isEmpty();
		MonthSummary july = commissions.monthSummary(vendor.id(), PartnerId.of(partner.id()), YearMonth.of(2025, 7));
		assertThat(july.closed()).isTrue();
		assertThat(july.commission()).isEqualByComparingTo("0");
		MonthSummary june2025 = commissions.monthSummary(vendor.id(), PartnerId.of(partner.id()), YearMonth.of(2025, 6));
		assertThat(june2025.closed()).isTrue();
		assertThat(june2025.commission()).isEqualByComparingTo("7.50");
	}

	@Test
	void contractRatesInternetBandsAndTheAffiliateCapWithEligibility() {
		Vendor vendor = vendor("UTC");
		TestPartner contracted = partner(vendor);
		TestPartner internet = partner(vendor);
		TestPartner affiliate = partner(vendor);
		internet(vendor, contracted, "0.32");
		internet(vendor, internet, null);
		order(vendor, contracted, "ct-1", "2025-08-10T10:00:00Z", "1000.00");
		order(vendor, internet, "ct-2", "2025-08-10T10:00:00Z", "20000.00");
		order(vendor, affiliate, "ct-3", "2025-08-10T10:00:00Z", "8000.00");
		// closed here in the test's thread, so that its events are recorded; the API answers the same close
		assertThat(commissions.close(vendor, YearMonth.of(2025, 8)).closedNow()).isTrue();
		assertThat(events.stream(MonthClosed.class).filter(e -> e.vendorId().equals(vendor.id())))
			.containsExactly(new MonthClosed(vendor.id(), YearMonth.of(2025, 8)));
		JsonNode august = closed(vendor, "2025-08");
		assertStatement(statementOf(august, contracted), "1000.00", "A2", "0.32", "320.00", "0.00", "0.00", "320.00",
				"0.00");
		assertStatement(statementOf(august, internet), "20000.00", "I2", "0.35", "7000.00", "0.00", "0.00", "7000.00",
				"0.00");
		assertStatement(statementOf(august, affiliate), "8000.00", "I1", "0.25", "2000.00", "0.00", "0.00", "2000.00",
				"0.00");
		// the close's one event mails each partner its statement, and the affiliate its eligibility
		awaitSubject(affiliate, "You qualify for the Internet Partner track of " + vendor.name());
		awaitSubject(affiliate, "Your commission statement of " + vendor.name());
		awaitSubject(contracted, "Your commission statement of " + vendor.name());
		Api.Response statement = affiliate.api().get("/api/v1/partner/programs/" + vendor.slug() + "/statements/2025-08");
		assertThat(statement.json().path("eligibleForInternet").asBoolean()).isTrue();
		// both are mailed to the affiliate: its statement is ready, and it qualifies for the Internet track
		mail().await(affiliate.email(), 2, java.time.Duration.ofSeconds(20));
		List<String> subjects = mail().to(affiliate.email()).stream().map(message -> {
			try {
				return message.getSubject();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(subjects).containsExactlyInAnyOrder(
				"Your commission statement of Vendor " + vendor.slug() + " for August 2025 is ready",
				"You qualify for the Internet Partner track of Vendor " + vendor.slug());
		assertThat(com.partnerline.support.MailServer.text(mail().await(affiliate.email(), 1, java.time.Duration.ofSeconds(1))))
			.contains("/panel/programs/" + vendor.slug());
		// the partner's programs show it (its latest closed month reached an internet band)
		Api.Response me = affiliate.api().get("/api/v1/partner/me");
		JsonNode program = me.json().path("programs").get(0);
		assertThat(program.path("eligibleForInternet").asBoolean()).as(me.toString()).isTrue();
	}

	void awaitSubject(TestPartner partner, String subject) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			boolean found = mail().to(partner.email()).stream().anyMatch(message -> {
				try {
					return message.getSubject().startsWith(subject);
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			});
			if (found) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("No mail '" + subject + "' to " + partner.email());
	}

	void internet(Vendor vendor, TestPartner partner, String rate) {
		Fixtures.internetContract(jdbc, partners, vendor.id(), partner.id(), rate == null ? null : new BigDecimal(rate),
				"NETWORK");
	}

	@Test
	void aLateRefundOnAMonthWithoutStatementUsesTheRateThatMonthsVolumeGives() {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "ls-1", "2025-01-10T10:00:00Z", "3500.00"); // January never closed: A3, 25%
		refund(vendor, "ls-1", "ls-r", "2025-02-05T10:00:00Z", "100.00");
		order(vendor, partner, "ls-2", "2025-02-10T10:00:00Z", "400.00");
		// February: 400 × 15% = 60.00; adjustment −(100 × 25%) = −25.00
		assertStatement(statementOf(closed(vendor, "2025-02"), partner), "400.00", "A1", "0.15", "60.00", "-25.00",
				"0.00", "0.00", "35.00");
	}

	@Test
	void aLateOrderIsPaidOnTheNextStatementAtItsClosedMonthsRateAndItsRefundTakesItBack() throws Exception {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "lo-1", "2025-09-05T10:00:00Z", "400.00");
		order(vendor, partner, "lo-2", "2025-09-12T10:00:00Z", "200.00");
		// September: 400 + 200 = 600.00 → A2 (20%) → 120.00
		assertStatement(statementOf(closed(vendor, "2025-09"), partner), "600.00", "A2", "0.2", "120.00", "0.00",
				"0.00", "120.00", "0.00");

		// A September order arrives after September was closed: September stays as booked.
		order(vendor, partner, "lo-late", "2025-09-20T10:00:00Z", "150.00");
		assertStatement(statementOf(closed(vendor, "2025-09"), partner), "600.00", "A2", "0.2", "120.00", "0.00",
				"0.00", "120.00", "0.00");
		String september = "/api/v1/partner/programs/" + vendor.slug() + "/statements/2025-09";
		JsonNode frozen = partner.api().get(september).json();
		assertThat(frozen.path("lines").findValuesAsString("reference")).containsExactly("lo-1", "lo-2");
		assertThat(statementPdf(partner, september)).contains("lo-1").contains("lo-2").doesNotContain("lo-late");
		// the statistics show September as booked: volume, band and commission of its statement
		JsonNode stats = partner.api()
			.get("/api/v1/partner/programs/" + vendor.slug() + "/stats?from=2025-09&to=2025-09")
			.json()
			.get(0);
		assertThat(stats.path("volume").asString()).isEqualTo("600.00");
		assertThat(stats.path("band").asString()).isEqualTo("A2");
		assertThat(stats.path("commission").asString()).isEqualTo("120.00");

		// October: own order 100.00 → A1 (15%) → 15.00; the late order at September's rate:
		// 150.00 × 20% = +30.00; due 15.00 + 30.00 = 45.00 < 50.00 → carried forward.
		order(vendor, partner, "lo-3", "2025-10-08T10:00:00Z", "100.00");
		assertStatement(statementOf(closed(vendor, "2025-10"), partner), "100.00", "A1", "0.15", "15.00", "30.00",
				"0.00", "0.00", "45.00");
		JsonNode october = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/statements/2025-10")
			.json();
		JsonNode line = october.path("lines").get(1);
		assertThat(line.path("kind").asString()).isEqualTo("LATE_ORDER");
		assertThat(line.path("reference").asString()).isEqualTo("lo-late");
		assertThat(line.path("orderMonth").asString()).isEqualTo("2025-09");
		assertThat(line.path("rate").asString()).isEqualTo("0.2");
		assertThat(line.path("amount").asString()).isEqualTo("30.00");

		// November: the late order is refunded in full: −(150.00 × 20%) = −30.00 at the same
		// rate; brought 45.00 → due 15.00, carried forward.
		refund(vendor, "lo-late", "lo-late-r", "2025-11-04T10:00:00Z", "150.00");
		assertStatement(statementOf(closed(vendor, "2025-11"), partner), "0.00", "A1", "0.15", "0.00", "-30.00",
				"45.00", "0.00", "15.00");
		// the close counted the late order once: closing October again changes nothing
		assertStatement(statementOf(closed(vendor, "2025-10"), partner), "100.00", "A1", "0.15", "15.00", "30.00",
				"0.00", "0.00", "45.00");
	}

	@Test
	void aLateOrderWithoutVolumeInItsMonthGetsTheRateItsAmountAloneReachesAndSkipsClosedMonths() {
		Vendor vendor = vendor("UTC");
		TestPartner other = partner(vendor);
		TestPartner partner = partner(vendor);
		order(vendor, other, "ln-o1", "2025-05-10T10:00:00Z", "100.00");
		order(vendor, other, "ln-o2", "2025-06-10T10:00:00Z", "100.00");
		closed(vendor, "2025-05");
		closed(vendor, "2025-06");
		// A May order of a partner without May volume arrives when May and June are closed:
		// 3,200.00 alone reaches A3 (25%) → +800.00, on the first month not closed: July.
		order(vendor, partner, "ln-late", "2025-05-20T10:00:00Z", "3200.00");
		// Its refund of 1,000.00, booked in July, at the same 25% (1,000 alone would be A2):
		// −250.00. July: volume 0, adjustments 800.00 − 250.00 = 550.00 → payable.
		refund(vendor, "ln-late", "ln-late-r", "2025-07-02T10:00:00Z", "1000.00");
		assertStatement(statementOf(closed(vendor, "2025-07"), partner), "0.00", "A1", "0.15", "0.00", "550.00",
				"0.00", "550.00", "0.00");
		// May and June kept no line of it
		assertThat(jdbc.sql("""
				SELECT count(*) FROM statements s WHERE s.vendor_id = ? AND s.partner_id = ?::uuid""")
			.params(vendor.id().value(), partner.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aLateOrderOfAnInternetPartnerWithoutVolumeIsPaidAtItsContractRate() {
		Vendor vendor = vendor("UTC");
		TestPartner other = partner(vendor);
		TestPartner partner = partner(vendor);
		internet(vendor, partner, "0.32");
		order(vendor, other, "lc-o1", "2025-03-10T10:00:00Z", "100.00");
		closed(vendor, "2025-03");
		// 100.00 alone would be A1 (15%); the contract's 32% governs: 100.00 × 32% = +32.00
		order(vendor, partner, "lc-late", "2025-03-20T10:00:00Z", "100.00");
		assertStatement(statementOf(closed(vendor, "2025-04"), partner), "0.00", "A1", "0.32", "0.00", "32.00",
				"0.00", "0.00", "32.00");
	}

	@Test
	void aContractGovernsFromItsStartAndAReplacedOneKeepsTheMonthsItWasInForce() {
		Vendor vendor = vendor("UTC");
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/products/PROD",
				map("name", "Product", "price", "100.00", "currency", "USD", "trialDays", 30)).status()).isEqualTo(200);
		TestPartner partner = partner(vendor);
		Api.Response submitted = partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/proposals",
					Fixtures.proposal("10000"));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		Api.Response approved = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/proposals/"
				+ submitted.json().path("proposalId").asString() + "/decision",
				map("decision", "APPROVE", "comment", "Welcome", "contract",
						map("commissionRate", "0.32", "orderProcessing", "NETWORK", "startsOn", "2025-09-01")));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		Api.Response accepted = partner.api().post("/api/v1/partner/programs/" + vendor.slug() + "/contract/accept", null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

		// August, before the contract starts: the affiliate rules. 8,000.00 reaches I1, paid at the
		// affiliate cap 25 % = 2,000.00, and flagged eligible
		order(vendor, partner, "cs-1", "2025-08-10T10:00:00Z", "8000.00");
		JsonNode august = statementOf(closed(vendor, "2025-08"), partner);
		assertStatement(august, "8000.00", "I1", "0.25", "2000.00", "0.00", "0.00", "2000.00", "0.00");
		// September, under the contract: 8,000.00 × 32 % = 2,560.00
		order(vendor, partner, "cs-2", "2025-09-10T10:00:00Z", "8000.00");
		assertStatement(statementOf(closed(vendor, "2025-09"), partner), "8000.00", "I1", "0.32", "2560.00", "0.00",
				"0.00", "2560.00", "0.00");

		// a new contract at 30 % from November replaces it (accepted in October); October, closed
		// afterwards, is still the first contract's month: 1,000.00 × 32 % = 320.00
		UUID proposal = jdbc.sql("SELECT proposal_id FROM contracts WHERE partner_id = ?::uuid")
			.param(partner.id())
			.query(UUID.class)
			.single();
		jdbc.sql("UPDATE contracts SET status = 'SUPERSEDED' WHERE partner_id = ?::uuid AND status = 'ACCEPTED'")
			.param(partner.id())
			.update();
		jdbc.sql("""
				INSERT INTO contracts (id, vendor_id, partner_id, proposal_id, commission_rate, order_processing,
				  starts_on, status, offered_at, accepted_at)
				VALUES (gen_random_uuid(), ?, ?::uuid, ?, 0.30, 'NETWORK', DATE '2025-11-01', 'ACCEPTED', now(), now())""")
			.params(vendor.id().value(), partner.id(), proposal)
			.update();
		order(vendor, partner, "cs-3", "2025-10-10T10:00:00Z", "1000.00");
		assertStatement(statementOf(closed(vendor, "2025-10"), partner), "1000.00", "A2", "0.32", "320.00", "0.00",
				"0.00", "320.00", "0.00");
		order(vendor, partner, "cs-4", "2025-11-10T10:00:00Z", "1000.00");
		assertStatement(statementOf(closed(vendor, "2025-11"), partner), "1000.00", "A2", "0.3", "300.00", "0.00",
				"0.00", "300.00", "0.00");
	}

	String statementPdf(TestPartner partner, String path) throws Exception {
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + partner.token())
				.header("Accept", "application/pdf")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (var document = Loader.loadPDF(pdf.body())) {
			return new PDFTextStripper().getText(document);
		}
	}

	@Test
	void anOrderStampedBeforeTheCutOffButCommittedDuringTheCloseCountsInItsMonth() throws Exception {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "gate-1", "2025-06-05T10:00:00Z", "300.00");
		// an order transaction that has taken its arrival time and commits only after the close began
		CountDownLatch stamped = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> slow = pool.submit(() -> new org.springframework.transaction.support.TransactionTemplate(
					transactionManager)
				.executeWithoutResult(tx -> {
					order(vendor, partner, "gate-2", "2025-06-20T10:00:00Z", "400.00");
					stamped.countDown();
					try {
						Thread.sleep(1500);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
			assertThat(stamped.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			// the close waits for it at its cut-off and counts it: 300 + 400 = 700.00 → A2 (20 %) → 140.00
			assertStatement(statementOf(closed(vendor, "2025-06"), partner), "700.00", "A2", "0.2", "140.00", "0.00",
					"0.00", "140.00", "0.00");
			slow.get();
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void closingTwiceGivesTheSameStatementsAndOneBatch() {
		Vendor vendor = vendor("UTC");
		TestPartner a = partner(vendor);
		TestPartner b = partner(vendor);
		order(vendor, a, "tw-1", "2025-07-01T00:00:00Z", "900.00");
		order(vendor, b, "tw-2", "2025-07-31T23:59:59Z", "45.00");
		Api.Response first = close(vendor, "2025-07");
		Api.Response second = close(vendor, "2025-07");
		assertThat(first.status()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(first.json().path("statements")).hasSize(2);
		assertThat(batches(vendor)).isEqualTo(1);
		// a late order for a closed month changes nothing already booked
		order(vendor, a, "tw-3", "2025-07-15T00:00:00Z", "5000.00");
		assertThat(close(vendor, "2025-07").body()).isEqualTo(first.body());
		assertThat(batches(vendor)).isEqualTo(1);
	}

	@Test
	void twoClosesRacingOnTwoConnectionsGiveOneResultAndOneBatch() throws Exception {
		Vendor vendor = vendor("UTC");
		List<TestPartner> team = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			TestPartner partner = partner(vendor);
			team.add(partner);
			order(vendor, partner, "race-" + i, "2025-05-0" + (i + 1) + "T12:00:00Z", (i + 1) * 300 + ".00");
		}
		int nodes = 4;
		ExecutorService pool = Executors.newFixedThreadPool(nodes);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<CloseResult>> results = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				Callable<CloseResult> call = () -> {
					start.await();
					return commissions.close(vendor, YearMonth.of(2025, 5));
				};
				results.add(pool.submit(call));
			}
			start.countDown();
			List<CloseResult> done = new ArrayList<>();
			for (Future<CloseResult> result : results) {
				done.add(result.get());
			}
			assertThat(done).extracting(CloseResult::payoutBatchId).containsOnly(done.get(0).payoutBatchId());
			assertThat(done).extracting(CloseResult::statements).containsOnly(done.get(0).statements());
			assertThat(done).filteredOn(CloseResult::closedNow).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(batches(vendor)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM statements WHERE vendor_id = ?")
			.param(vendor.id().value())
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void statementsAreFrozenInTheDatabase() {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "fz-1", "2025-04-10T10:00:00Z", "100.00");
		closed(vendor, "2025-04");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc.sql("UPDATE statements SET commission = 0 WHERE vendor_id = ?")
				.param(vendor.id().value())
				.update())
			.hasMessageContaining("frozen");
	}

	// ---- partners' view, tenancy --------------------------------------------------------

	@Test
	void aPartnerSeesOnlyItsOwnStatementAlsoAsPdf() throws Exception {
		Vendor vendor = vendor("UTC");
		TestPartner alice = partner(vendor);
		TestPartner bob = partner(vendor);
		order(vendor, alice, "ow-1", "2025-06-10T10:00:00Z", "849.99");
		closed(vendor, "2025-06");
		String path = "/api/v1/partner/programs/" + vendor.slug() + "/statements/2025-06";
		assertThat(alice.api().get(path).json().path("partnerId").asString()).isEqualTo(alice.id());
		Api.Response other = bob.api().get(path);
		assertThat(other.status()).as(other.toString()).isEqualTo(404);
		assertThat(other.body()).doesNotContain(alice.id());
		assertThat(admin.get(path).status()).isEqualTo(403);
		assertThat(alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/statements/2025-05").status())
			.isEqualTo(404);

		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + alice.token())
				.header("Accept", "application/pdf")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (var document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("170.00").contains("ow-1").contains("A2");
		}
		assertThat(new ByteArrayInputStream(pdf.body()).readNBytes(4)).isEqualTo("%PDF".getBytes());
	}

	@Test
	void payoutDetailsAreCheckedAndTheBatchIsWrittenAsCsvAndPain001() {
		Vendor vendor = vendor("UTC");
		Vendor otherVendor = vendor("UTC");
		TestPartner alice = partner(vendor);
		TestPartner bob = partner(vendor);
		TestPartner carol = partner(vendor);

		Api.Response badIban = alice.api().put("/api/v1/partner/payout-details",
				map("method", "BANK", "accountHolder", "Alice", "iban", "DE89370400440532013001", "bic", "COBADEFFXXX"));
		assertThat(badIban.status()).isEqualTo(422);
		assertThat(badIban.errorFields()).containsExactly("iban");
		Api.Response badBic = alice.api().put("/api/v1/partner/payout-details",
				map("method", "BANK", "accountHolder", "Alice", "iban", "DE89370400440532013000", "bic", "COBA1EFF"));
		assertThat(badBic.status()).isEqualTo(422);
		assertThat(badBic.errorFields()).containsExactly("bic");
		assertThat(alice.api().get("/api/v1/partner/payout-details").status()).isEqualTo(404);
		Api.Response saved = alice.api().put("/api/v1/partner/payout-details",
				map("method", "BANK", "accountHolder", "Alice Example", "iban", "DE89 3704 0044 0532 0130 00", "bic",
						"COBADEFFXXX"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("iban").asString()).isEqualTo("DE89370400440532013000");
		assertThat(bob.api().put("/api/v1/partner/payout-details", map("method", "BANK", "accountHolder", "Bob",
				"iban", "GB82WEST12345698765432", "bic", "NWBKGB2L")).status()).isEqualTo(200);
		assertThat(carol.api().put("/api/v1/partner/payout-details", map("method", "PAYPAL", "email",
				"carol@example.org")).status()).isEqualTo(200);

		order(vendor, alice, "pb-1", "2025-03-10T10:00:00Z", "849.99"); // 170.00
		order(vendor, bob, "pb-2", "2025-03-10T10:00:00Z", "3100.00"); // 775.00
		order(vendor, carol, "pb-3", "2025-03-10T10:00:00Z", "1000.00"); // 200.00
		long batchId = closed(vendor, "2025-03").path("payoutBatchId").asLong();
		String base = "/api/v1/admin/vendors/" + vendor.slug() + "/payouts/" + batchId;

		JsonNode json = admin.get(base).json();
		assertThat(json.path("items")).hasSize(3);
		assertThat(json.path("total").asString()).isEqualTo("1145.00");
		assertThat(json.path("status").asString()).isEqualTo("OPEN");

		Api.Response csv = admin.header("Accept", "text/csv").get(base);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body().lines()).hasSize(4);

		// no payment file until the vendor's own account is set
		Api.Response noAccount = admin.header("Accept", "application/xml").get(base);
		assertThat(noAccount.status()).as(noAccount.toString()).isEqualTo(409);
		assertThat(noAccount.errorFields()).containsExactly("payoutAccount");
		String account = "/api/v1/admin/vendors/" + vendor.slug() + "/payout-account";
		Api.Response badAccount = admin.put(account, map("accountHolder", "", "iban", "DE89370400440532013001", "bic",
				"COBADEFFXXX"));
		assertThat(badAccount.status()).isEqualTo(422);
		assertThat(badAccount.errorFields()).containsExactlyInAnyOrder("accountHolder", "iban");
		Api.Response savedAccount = admin.put(account, map("accountHolder", "Vendor Payouts Ltd", "iban",
				"GB33 BUKB 2020 1555 5555 55", "bic", "BUKBGB22"));
		assertThat(savedAccount.status()).as(savedAccount.toString()).isEqualTo(200);
		assertThat(savedAccount.json().path("iban").asString()).isEqualTo("GB33BUKB20201555555555");

		Api.Response xml = admin.header("Accept", "application/xml").get(base);
		assertThat(xml.status()).isEqualTo(200);
		com.partnerline.support.Pain001Schema.assertValid(xml.body());
		MxPain00100109 pain = MxPain00100109.parse(xml.body());
		assertThat(pain.getCstmrCdtTrfInitn().getPmtInf().get(0).getDbtrAcct().getId().getIBAN())
			.isEqualTo("GB33BUKB20201555555555");
		assertThat(pain.getCstmrCdtTrfInitn().getGrpHdr().getNbOfTxs()).isEqualTo("2");
		assertThat(pain.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum()).isEqualByComparingTo("945.00");
		assertThat(pain.getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf()).hasSize(2);

		assertThat(admin.get("/api/v1/admin/vendors/" + otherVendor.slug() + "/payouts/" + batchId).status())
			.isEqualTo(404);

		// April: only carol (PayPal) is payable: the batch has no bank transfer, so no payment file
		order(vendor, carol, "pb-4", "2025-04-10T10:00:00Z", "1000.00");
		long aprilBatch = closed(vendor, "2025-04").path("payoutBatchId").asLong();
		Api.Response nothingToTransfer = admin.header("Accept", "application/xml")
			.get("/api/v1/admin/vendors/" + vendor.slug() + "/payouts/" + aprilBatch);
		assertThat(nothingToTransfer.status()).as(nothingToTransfer.toString()).isEqualTo(409);
		assertThat(nothingToTransfer.body()).doesNotContain("<Document");
		assertThat(alice.api().get(base).status()).isEqualTo(403);

		Api.Response paid = admin.post(base + "/paid", null);
		assertThat(paid.status()).isEqualTo(200);
		assertThat(paid.json().path("status").asString()).isEqualTo("PAID");
		assertThat(admin.post(base + "/paid", null).json().path("status").asString()).isEqualTo("PAID");
	}

	@Test
	void theMonthsStatementsAsJsonAndCsv() {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "mc-1", "2025-02-10T10:00:00Z", "700.00");
		closed(vendor, "2025-02");
		String path = "/api/v1/admin/vendors/" + vendor.slug() + "/periods/2025-02/statements";
		assertThat(admin.get(path).json().path("statements").get(0).path("commission").asString()).isEqualTo("140.00");
		Api.Response csv = admin.header("Accept", "text/csv").get(path);
		assertThat(csv.body()).startsWith("month,partner_id").contains(partner.id()).contains("140.00");
	}

	// ---- live standing and the scheduled close --------------------------------------------

	@Test
	void liveBandAndEligibilityForTheRunningMonth() {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		YearMonth current = commissions.currentMonth(vendor);
		String at = current.atDay(1).atTime(0, 0, 1).atOffset(ZoneOffset.UTC).toString();
		order(vendor, partner, "lv-1", at, "1760.00");
		MonthSummary summary = commissions.monthSummary(vendor.id(), PartnerId.of(partner.id()), current);
		assertThat(summary.band()).isEqualTo("A2");
		assertThat(summary.commission()).isEqualByComparingTo("352.00");
		assertThat(summary.closed()).isFalse();
		CommissionManagement.BandProgress progress = commissions.progress(vendor, PartnerId.of(partner.id()));
		assertThat(progress.nextBand()).isEqualTo("A3");
		assertThat(progress.missing()).isEqualByComparingTo("1240.00");
		JsonNode me = partner.api().get("/api/v1/partner/me").json().path("programs").get(0);
		assertThat(me.path("band").asString()).isEqualTo("A2");
		assertThat(me.path("eligibleForInternet").asBoolean()).isFalse();
		order(vendor, partner, "lv-2", at, "6000.00");
		me = partner.api().get("/api/v1/partner/me").json().path("programs").get(0);
		assertThat(me.path("band").asString()).isEqualTo("I1");
		assertThat(me.path("eligibleForInternet").asBoolean()).isTrue();
	}

	@Test
	void theScheduledJobClosesThePreviousMonthOnceShortlyAfterItEnds() {
		Vendor vendor = vendor("UTC");
		TestPartner partner = partner(vendor);
		order(vendor, partner, "jb-1", "2025-08-20T10:00:00Z", "1000.00");
		Instant shortlyAfter = Instant.parse("2025-09-01T00:20:00Z");
		assertThat(job.closeEndedMonths(shortlyAfter, List.of(vendor))).isEqualTo(1);
		assertThat(job.closeEndedMonths(shortlyAfter, List.of(vendor))).isZero();
		assertThat(commissions.isClosed(vendor.id(), YearMonth.of(2025, 8))).isTrue();
		assertThat(commissions.statements(vendor.id(), YearMonth.of(2025, 8))).hasSize(1);
		assertThat(batches(vendor)).isEqualTo(1);
		// long after the catch-up window the job leaves a month to a manager
		Vendor late = vendor("UTC");
		assertThat(job.closeEndedMonths(Instant.parse("2025-09-20T00:00:00Z"), List.of(late))).isZero();
		assertThat(commissions.isClosed(late.id(), YearMonth.of(2025, 8))).isFalse();
	}

}
