package com.partnerline.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.HmacSignature;
import com.partnerline.support.Api;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A vendor manager adds a webhook endpoint in the console (URL and events checked, the
 * secret shown once), reads the delivery log with status, attempts and next retry, and
 * replays a delivery; in English and German.
 */
class WebhooksConsoleBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	WebhookSettings settings;

	private Browser browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open("http://127.0.0.1:" + port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
		settings.allowPrivate(false);
	}

	@Test
	void managerAddsAnEndpointReadsTheDeliveryLogAndReplaysADelivery() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String email = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
		Account manager = accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Wim Webhook", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(manager.id(), catalog.vendor(vendor.slug()).id().value());
		browser.logIn(email, Fixtures.PASSWORD);
		browser.go("/console/vendors/" + vendor.slug() + "/webhooks");
		assertThat(browser.text("#endpoints-empty")).contains("No endpoint yet");
		assertThat(browser.text("#add-endpoint")).contains("An order was attributed").contains("A month was closed");

		// a private address and no event: both named, nothing stored
		settings.allowPrivate(false);
		browser.type("#webhook-url", "http://127.0.0.1:9/hook");
		browser.clickAndWait("#webhook-add");
		assertThat(browser.text("#webhook-url-error")).startsWith("Endpoint address (URL): ")
			.contains("loopback or private address");
		assertThat(browser.text("#webhook-events-error")).contains("needs at least one event type");
		assertThat(browser.find("#webhook-url").getAttribute("value")).isEqualTo("http://127.0.0.1:9/hook");
		assertThat(jdbc.sql("SELECT count(*) FROM webhook_endpoints e JOIN vendors v ON v.id = e.vendor_id WHERE v.slug = ?")
			.param(vendor.slug())
			.query(Long.class)
			.single()).isZero();

		settings.allowPrivate(true);
		try (Receiver receiver = new Receiver().failWith(500)) {
			browser.type("#webhook-url", receiver.url("/hook"));
			browser.click("#event-order\\.attributed");
			browser.clickAndWait("#webhook-add");
			String secret = browser.text("#secret-value");
			assertThat(secret).startsWith("whsec_");
			assertThat(browser.text("#endpoint-table")).contains(receiver.url("/hook")).contains("An order was attributed");
			// shown once: the next visit has no secret
			browser.go("/console/vendors/" + vendor.slug() + "/webhooks");
			assertThat(browser.pageSource()).doesNotContain(secret);

			order(vendor, partner, unique("wh"));
			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 1);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("SELECT attempts FROM webhook_deliveries d JOIN vendors v ON v.id = d.vendor_id "
						+ "WHERE v.slug = ?").param(vendor.slug()).query(Integer.class).single() == 1);
			browser.clickAndWait("#endpoint-table a");
			assertThat(browser.text("h1")).isEqualTo("Delivery log");
			String row = browser.text("#deliveries tbody tr");
			assertThat(row).contains("An order was attributed").contains("Waiting to be sent").contains("answered HTTP 500");
			assertThat(browser.text("#deliveries tbody .num")).isEqualTo("1");
			assertThat(browser.text("#deliveries caption")).startsWith("1 delivery");
			assertThat(browser.pageSource()).doesNotContain(">PENDING<");

			// replay: due at once, delivered on the next attempt
			browser.clickAndWait("#deliveries button");
			assertThat(browser.text("#replayed")).contains("sent again");
			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 2);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> "DELIVERED".equals(jdbc.sql("SELECT status FROM webhook_deliveries d JOIN vendors v "
						+ "ON v.id = d.vendor_id WHERE v.slug = ?").param(vendor.slug()).query(String.class).single()));
			browser.go(browser.currentUrl().replaceAll("\\?.*", ""));
			assertThat(browser.text("#deliveries .delivery-status")).isEqualTo("Delivered");
			assertThat(browser.text("#deliveries tbody .num")).isEqualTo("2");

			browser.click("#lang-de");
			browser.waitFor(driver -> "de".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
			browser.checkPage();
			assertThat(browser.text("h1")).isEqualTo("Zustellprotokoll");
			assertThat(browser.text("#deliveries .delivery-status")).isEqualTo("Zugestellt");
			assertThat(browser.text("#deliveries caption")).startsWith("1 Zustellung");
		}
	}

	private void order(TestVendor vendor, TestPartner partner, String orderId) {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"c-%s@customer.example","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"10.00"}],"referral":{"partnerId":"%s"}}"""
			.formatted(orderId, Instant.now(), orderId, partner.id());
		Api.Response response = api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

}
