package com.partnerline.partners;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.CommissionManagement;
import com.partnerline.kernel.PartnerId;
import com.partnerline.orders.Attribution;
import com.partnerline.orders.NewOrder;
import com.partnerline.orders.OrderItem;
import com.partnerline.orders.OrderManagement;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: a partner edits its profile, picks a language and a time zone,
 * turns statement mails off (and the month close then queues none for it, while another
 * partner gets its own), and changes its password, which ends its session.
 */
class AccountSettingsBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	OrderManagement orders;

	@Autowired
	CommissionManagement commissions;

	@Autowired
	Clock clock;

	private Browser browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open("http://127.0.0.1:" + port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	@Test
	void partnerEditsProfilePreferencesAndPassword() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		browser.logIn(partner.email(), Fixtures.PASSWORD);
		browser.go("/panel").clickAndWait("#nav-account");

		browser.type("#profile-name", "Renamed Reviews");
		browser.type("#profile-company", "Renamed GmbH");
		browser.select("#profile-country", "AT");
		browser.clickAndWait("#profile-save");
		assertThat(browser.text("#done")).contains("profile was saved");
		assertThat(partners.find(PartnerId.of(partner.id())).orElseThrow().name()).isEqualTo("Renamed Reviews");
		assertThat(partners.find(PartnerId.of(partner.id())).orElseThrow().country()).isEqualTo("AT");

		browser.select("#pref-language", "de");
		browser.select("#pref-zone", "America/New_York");
		browser.click("#topic-STATEMENTS");
		browser.clickAndWait("#preferences-save");
		assertThat(browser.text("h1")).isEqualTo("Kontoeinstellungen");
		assertThat(browser.find("#topic-STATEMENTS").isSelected()).isFalse();
		assertThat(browser.find("#topic-REPORT_REMINDERS").isSelected()).isTrue();

		// the statement mail of the month close is not queued for it, but for the other partner
		Vendor found = catalog.vendor(vendor.slug());
		YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
		order(found, partner, lastMonth);
		order(found, other, lastMonth);
		commissions.close(found, lastMonth);
		// statement mails are queued by a listener of the close, after it: wait for the other partner's
		browser.waitFor(d -> outbox(other.email()) > 0 ? Boolean.TRUE : null);
		assertThat(outbox(partner.email())).isZero();

		// a wrong current password is refused; the right one changes it and ends the session
		browser.go("/account?lang=en");
		browser.type("#password-current", "not-my-password");
		browser.type("#password-new", "a-brand-new-password");
		browser.type("#password-repeat", "a-brand-new-password");
		browser.clickAndWait("#password-save");
		assertThat(browser.text("#password-current-error")).isEqualTo("This is not your current password.");
		browser.type("#password-current", Fixtures.PASSWORD);
		browser.type("#password-new", "a-brand-new-password");
		browser.type("#password-repeat", "a-brand-new-password");
		browser.clickAndWait("#password-save");
		assertThat(browser.currentUrl()).contains("/login");
		browser.go("/account");
		assertThat(browser.currentUrl()).contains("/login");
		browser.logIn(partner.email(), "a-brand-new-password");
		browser.go("/account");
		assertThat(browser.find("#profile-name").getAttribute("value")).isEqualTo("Renamed Reviews");
	}

	private long outbox(String email) {
		return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(email).query(Long.class).single();
	}

	private void order(Vendor vendor, TestPartner partner, YearMonth month) {
		String id = "acc-" + UUID.randomUUID();
		orders.record(vendor, new NewOrder(id, OffsetDateTime.of(month.atDay(5).atTime(10, 0), ZoneOffset.UTC),
				Currency.getInstance("USD"), "customer@example.net", "DE",
				List.of(new OrderItem("PROD", 1, new BigDecimal("1000.00"))), PartnerId.of(partner.id()),
				Attribution.PARTNER, null, false, id));
	}

}
