package com.partnerline.trials;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: a customer arrives through a partner's link, takes a trial on
 * the trial page, and the partner's statistics and the vendor's dashboard show it.
 */
class TrialBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Test
	void aTrialTakenThroughAPartnerLinkShowsInThePartnersStatistics() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = partner.api()
			.post("/api/v1/partner/links", Fixtures.map("vendor", vendor.slug(), "sku", "PROD"))
			.json()
			.path("code")
			.asString();
		String email = unique("visitor") + "@example.net";
		String month = YearMonth.now(ZoneOffset.UTC).toString();
		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			// the partner's link sets the pl_ref cookie on its way to the vendor's shop
			try {
				browser.go("/r/" + code);
			}
			catch (WebDriverException unreachableShop) {
				// the redirect's target (the vendor's shop on <slug>.example.com) does not resolve here
			}
			browser.go("/trial/" + vendor.slug());
			assertThat(browser.driver().manage().getCookieNamed("pl_ref")).isNotNull();
			assertThat(browser.text("h1")).contains("Free trial");
			browser.select("#trial-sku", "PROD").type("#trial-email", email).clickAndWait("#trial-submit");
			assertThat(browser.text("#trial-issued")).contains("valid until");
			String key = browser.find("#license-key").getAttribute("value");
			assertThat(api.get("/api/v1/licenses/" + key).json().path("valid").asBoolean()).isTrue();
			assertThat(browser.text("#trial-steps")).contains("Product");

			// the same email again: refused with a sentence, not a field name
			browser.go("/trial/" + vendor.slug()).type("#trial-email", email).clickAndWait("#trial-submit");
			assertThat(browser.text("#trial-errors")).contains("already had a trial");

			// the page speaks the other languages
			browser.go("/trial/" + vendor.slug() + "?lang=fr");
			assertThat(browser.text("h1")).contains("Essai gratuit");
			browser.go("/trial/" + vendor.slug() + "?lang=ru");
			assertThat(browser.text("#trial-sku")).contains("30 дней");
			browser.go("/trial/" + vendor.slug() + "?lang=de");
			assertThat(browser.text("#trial-submit")).contains("Lizenzschlüssel");
			browser.go("/trial/" + vendor.slug() + "?lang=en");

			// the partner sees the trial in its statistics
			browser.driver().manage().deleteAllCookies();
			browser.logIn(partner.email(), Fixtures.PASSWORD);
			browser.go("/panel/programs/" + vendor.slug() + "/tracking");
			assertThat(browser.text("#trials-" + month + " .trials-started")).isEqualTo("1");
			assertThat(browser.text("#trials-" + month + " .trials-converted")).isEqualTo("0");
			assertThat(browser.text("#trial-page-link")).startsWith("https://partners.example.test/trial/" + vendor.slug());

			// and the vendor's manager in the console's trial dashboard
			String manager = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
			var account = accounts.open(new NewAccount(manager, Fixtures.PASSWORD, "Manager", Role.VENDOR_MANAGER,
					AccountStatus.ACTIVE, Locale.ENGLISH));
			accounts.grantVendor(account.id(), catalog.vendor(vendor.slug()).id().value());
			browser.driver().manage().deleteAllCookies();
			browser.logIn(manager, Fixtures.PASSWORD);
			browser.go("/console");
			browser.clickAndWait("#trials-" + vendor.slug());
			assertThat(browser.text("#trial-figures")).contains(partner.code()).contains("Product");
			assertThat(browser.text("#trial-totals")).contains("1 trial started");
			assertThat(browser.find("#trials-csv").getAttribute("href")).contains("/trials.csv");
			browser.clickAndWait("#sort-started");
			assertThat(browser.currentUrl()).contains("sort=started");
			assertThat(browser.text("#trial-figures")).contains(partner.code());
		}
	}

}
