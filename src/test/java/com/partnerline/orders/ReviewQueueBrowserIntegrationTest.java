package com.partnerline.orders;

import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A vendor manager works the review queue of held orders in the console, in English and German. */
class ReviewQueueBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	private Browser browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open("http://127.0.0.1:" + port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	void heldOrder(TestVendor vendor, TestPartner partner, String orderId, String price) {
		String body = """
				{"orderId":"%s","occurredAt":"2026-11-10T10:00:00Z","currency":"USD","customer":{"email":"%s@example.org","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{"partnerId":"%s"}}"""
			.formatted(orderId, orderId, price, partner.id());
		Api.Response response = api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void managerFiltersSelectsAndRejectsHeldOrdersWithAReason() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		heldOrder(vendor, partner, "q-1", "120.00");
		heldOrder(vendor, partner, "q-2", "80.00");
		String email = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
		Account manager = accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Mia Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(manager.id(), catalog.vendor(vendor.slug()).id().value());

		browser.logIn(email, Fixtures.PASSWORD);
		browser.go("/console/vendors/" + vendor.slug() + "/orders").clickAndWait("#held-orders-link");
		assertThat(browser.text("#held")).contains("q-1").contains("q-2").contains("Customer email in the partner's own domain");
		assertThat(browser.pageSource()).doesNotContain(">SAME_DOMAIN<");

		new Select(browser.find("#held-filters select[name=reason]")).selectByValue("REPEAT_CUSTOMER");
		browser.clickAndWait("#held-filters button");
		assertThat(browser.text("#held-empty")).contains("No order is waiting");
		new Select(browser.find("#held-filters select[name=reason]")).selectByValue("SAME_DOMAIN");
		browser.clickAndWait("#held-filters button");

		// without a reason nothing is decided
		browser.click("#select-q-1");
		new Select(browser.find("#held-decision")).selectByValue("REJECT");
		browser.clickAndWait("#held-submit");
		assertThat(browser.text("#held-problems")).contains("Reason");
		assertThat(browser.text("#held")).contains("q-1");

		browser.click("#select-q-1");
		new Select(browser.find("#held-decision")).selectByValue("REJECT");
		browser.type("#held-reason", "Staff purchase");
		browser.clickAndWait("#held-submit");
		assertThat(browser.text("#held-decided")).isEqualTo("Rejected: 1");
		assertThat(browser.text("#held")).doesNotContain("q-1").contains("q-2");
		assertThat(jdbc.sql("SELECT hold_status || ' ' || review_reason FROM orders WHERE order_id = 'q-1'"
				+ " AND vendor_id = (SELECT id FROM vendors WHERE slug = ?)")
			.param(vendor.slug())
			.query(String.class)
			.single()).isEqualTo("REJECTED Staff purchase");

		browser.click("#lang-de");
		browser.waitFor(driver -> "de".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
		assertThat(browser.text("h1")).contains("Zur Prüfung angehaltene Bestellungen");
		assertThat(browser.text("#held")).contains("Kunden-E-Mail in der eigenen Domain des Partners");
		browser.click("#select-q-2");
		browser.type("#held-reason", "Geprüft");
		browser.clickAndWait("#held-submit");
		assertThat(browser.text("#held-decided")).isEqualTo("Freigegeben: 1");
		assertThat(browser.text("#held-empty")).contains("Keine Bestellung");
	}

}
