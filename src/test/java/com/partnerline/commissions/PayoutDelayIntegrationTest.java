package com.partnerline.commissions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.partnerline.kernel.HmacSignature;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** commission-policy.md: with {@code payoutDelayMonths} 1 the statement of M is paid in the batch of M+1's close. */
class PayoutDelayIntegrationTest extends IntegrationTest {

	void order(TestVendor vendor, TestPartner partner, String orderId, String at, String price) {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"b@customer.example","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{"partnerId":"%s"}}"""
			.formatted(orderId, at, price, partner.id());
		Api.Response response = api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	JsonNode close(TestVendor vendor, String month) {
		Api.Response response = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/periods/" + month + "/close",
				null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	JsonNode batch(TestVendor vendor, JsonNode close) {
		Api.Response response = admin
			.get("/api/v1/admin/vendors/" + vendor.slug() + "/payouts/" + close.path("payoutBatchId").asLong());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	@Test
	void aOneMonthDelayPaysJunesStatementWithJulysBatch() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Api.Response settings = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/program",
				map("payoutDelayMonths", 1));
		assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
		assertThat(settings.json().path("payoutDelayMonths").asInt()).isEqualTo(1);
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/program", map("payoutDelayMonths", 13))
			.errorFields()).containsExactly("payoutDelayMonths");

		// June: 600.00 → A2 (20%) → 120.00 payable; July: 100.00 → A1 (15%) → 15.00, under 50.00: carried
		order(vendor, partner, "pd-1", "2026-06-10T10:00:00Z", "600.00");
		order(vendor, partner, "pd-2", "2026-07-10T10:00:00Z", "100.00");

		JsonNode june = close(vendor, "2026-06");
		assertThat(june.path("statements").get(0).path("payable").asString()).isEqualTo("120.00");
		assertThat(batch(vendor, june).path("items")).isEmpty();
		JsonNode statement = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/statements/2026-06").json();
		assertThat(statement.path("paidWithBatchOf").asString()).isEqualTo("2026-07");

		JsonNode july = close(vendor, "2026-07");
		JsonNode julyBatch = batch(vendor, july);
		assertThat(julyBatch.path("items")).hasSize(1);
		assertThat(julyBatch.path("items").get(0).path("partnerId").asString()).isEqualTo(partner.id());
		assertThat(julyBatch.path("items").get(0).path("amount").asString()).isEqualTo("120.00");
		assertThat(julyBatch.path("total").asString()).isEqualTo("120.00");
		assertThat(july.path("statements").get(0).path("payable").asString()).isEqualTo("0.00");
		assertThat(july.path("statements").get(0).path("carriedForward").asString()).isEqualTo("15.00");
		// closing again changes nothing and pays nothing twice
		assertThat(batch(vendor, close(vendor, "2026-07")).path("items")).hasSize(1);
		assertThat(batch(vendor, close(vendor, "2026-06")).path("items")).isEmpty();
	}

}
