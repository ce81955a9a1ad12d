package com.partnerline.orders;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPagesIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	void order(TestVendor vendor, String orderId, String email, String price, String referral) {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"%s","country":"FR"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{%s}}"""
			.formatted(orderId, Instant.now(), email, price, referral);
		Api.Response response = api
			.header("X-Partnerline-Signature", ProcessorSignature.header(vendor.processorSecret(),
					Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isIn(200, 201);
	}

	@Test
	void showsTheVendorsOrdersFilteredSortedPagedAndAsCsv() {
		TestVendor kaspersky = new TestVendor("kaspersky", catalog.processorSecret(catalog.vendor("kaspersky").id()));
		TestPartner partner = newPartner(newVendor());
		var vendor = catalog.vendor("kaspersky");
		partners.join(com.partnerline.kernel.PartnerId.of(partner.id()), "kaspersky",
				catalog.program(vendor).termsVersion(), null);
		String prefix = unique("console");
		for (int i = 1; i <= 5; i++) {
			order(kaspersky, prefix + "-" + i, prefix + "-" + i + "@example.net", i + "0.00",
					"\"partnerId\":\"" + partner.id() + "\"");
		}
		Browser manager = new Browser(port).logIn("manager@kaspersky.example", "demo-manager-2026");
		HttpResponse<String> page = manager.get(
				"/console/vendors/kaspersky/orders?q=" + prefix + "&sort=amount&dir=asc&size=2&attribution=PARTNER");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("5 orders match", prefix + "-1", prefix + "-2", "Page 1 of 3")
			.doesNotContain(prefix + "-3<");
		HttpResponse<String> last = manager
			.get("/console/vendors/kaspersky/orders?q=" + prefix + "&sort=amount&dir=asc&size=2&page=2");
		assertThat(last.body()).contains(prefix + "-5").doesNotContain(prefix + "-1<");
		HttpResponse<String> none = manager.get("/console/vendors/kaspersky/orders?q=" + prefix + "&attribution=COUPON");
		assertThat(none.body()).contains("No orders match");
		// the period picker's presets fill the dates and keep the other filters
		HttpResponse<String> week = manager.get("/console/vendors/kaspersky/orders?q=" + prefix + "&range=7d");
		assertThat(week.body()).contains("5 orders match", "id=\"range-presets\"")
			.containsPattern("id=\"preset-7d\"[^>]*aria-current=\"true\"")
			.contains("range=lastMonth&amp;q=" + prefix);
		assertThat(manager.get("/console/vendors/kaspersky/orders?q=" + prefix + "&range=lastMonth").body())
			.contains("No orders match");

		HttpResponse<String> csv = manager.get("/console/vendors/kaspersky/orders.csv?q=" + prefix + "&sort=amount&dir=desc");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(6);
		assertThat(lines[0]).startsWith("order_id,occurred_at,period,partner_id,attribution");
		assertThat(lines[1]).startsWith(prefix + "-5,").contains(",50.00,", partner.id(), "PARTNER");

		TestVendor other = newVendor();
		assertThat(manager.get("/console/vendors/" + other.slug() + "/orders").statusCode()).isEqualTo(404);

		// processors send order ids and emails as they like: the CSV neutralises formulas
		TestPartner formulas = newPartner(newVendor());
		partners.join(com.partnerline.kernel.PartnerId.of(formulas.id()), "kaspersky",
				catalog.program(vendor).termsVersion(), null);
		String formulaId = "=1+2-" + unique("f");
		order(kaspersky, formulaId, "=cmd@x.example", "10.00", "\"partnerId\":\"" + formulas.id() + "\"");
		HttpResponse<String> injected = manager.get("/console/vendors/kaspersky/orders.csv?partner=" + formulas.id());
		assertThat(injected.statusCode()).isEqualTo(200);
		String[] rows = injected.body().split("\r\n");
		assertThat(rows).hasSize(2);
		assertThat(rows[1]).startsWith("'" + formulaId + ",").contains(",'=cmd@x.example,");
	}

	@Test
	void showsAPartnerItsOwnLinksClicksAndOrdersBySubId() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		Browser browser = new Browser(port).logIn(partner.email(), Fixtures.PASSWORD);
		HttpResponse<String> page = browser.get("/panel/programs/" + vendor.slug() + "/tracking");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("You have no links", "echarts.min.js");
		HttpResponse<String> created = browser.post("/panel/programs/" + vendor.slug() + "/links",
				Browser.csrf(page.body()), Map.of("sku", "PROD", "subId", "newsletter"));
		assertThat(created.body()).contains("is ready", "/r/");
		String code = created.body().replaceAll("(?s).*Your link ([A-Za-z0-9]+) is ready.*", "$1");
		String location = api.get("/r/" + code).header("Location");
		String click = location.substring(location.indexOf("plc=") + 4);
		order(vendor, "panel-1", "buyer@example.net", "10.00", "\"clickId\":\"" + click + "\"");
		HttpResponse<String> refused = browser.post("/panel/programs/" + vendor.slug() + "/links",
				Browser.csrf(page.body()), Map.of("targetUrl", "javascript:alert(1)"));
		assertThat(refused.body()).contains("Target page: must be an https address").doesNotContain("targetUrl: ");

		HttpResponse<String> stats = browser.get("/panel/programs/" + vendor.slug() + "/tracking");
		assertThat(stats.body()).contains("newsletter", "id=\"sub-ids\"", "id=\"tracking-chart\"");
		assertThat(stats.body()).containsPattern("<td>newsletter</td><td class=\"num\">1</td>\\s*"
				+ "<td class=\"num\">1</td><td class=\"num\">1</td>");

		Browser stranger = new Browser(port).logIn(other.email(), Fixtures.PASSWORD);
		HttpResponse<String> theirs = stranger.get("/panel/programs/" + vendor.slug() + "/tracking");
		assertThat(theirs.body()).doesNotContain("newsletter", code).contains("You have no links");
	}

}
