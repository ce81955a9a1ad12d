package com.partnerline.privacy;

import java.util.Locale;
import java.util.UUID;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.privacy.PrivacyFixtures.Person;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner downloads its data from the panel (the button says what it is doing); the
 * platform admin erases that partner and a customer email in the console, each after a
 * confirmation step.
 */
class PrivacyPagesBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

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
	void partnerDownloadsItsDataAndThePlatformAdminErasesItAfterConfirming() {
		TestVendor vendor = newVendor();
		Person person = PrivacyFixtures.person(api, partners, vendor, "brw");
		browser.logIn(person.email(), Fixtures.PASSWORD);
		browser.go("/panel/privacy");
		assertThat(browser.text("h1")).isEqualTo("Your data");
		browser.click("#export-download");
		browser.waitFor(driver -> "ready".equals(driver.findElement(By.id("export-status")).getAttribute("data-state")));
		assertThat(browser.text("#export-status")).startsWith("Ready: partnerline-export-" + person.partner().code() + ".zip");
		browser.click("#lang-fr");
		browser.waitFor(driver -> "fr".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
		browser.checkPage();
		assertThat(browser.text("#export-download")).isEqualTo("Télécharger mes données (zip)");
		browser.driver().manage().deleteAllCookies();

		String adminEmail = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@platform.example";
		accounts.open(new NewAccount(adminEmail, Fixtures.PASSWORD, "Ada Admin", Role.PLATFORM_ADMIN,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		browser.logIn(adminEmail, Fixtures.PASSWORD);
		browser.go("/console/privacy");
		browser.type("#partner-query", person.email());
		browser.clickAndWait("#partner-find-button");
		assertThat(browser.text("#found-name")).isEqualTo(person.name());
		browser.click("#partner-confirm");
		browser.clickAndWait("#partner-erase-button");
		assertThat(browser.text("#erased")).startsWith("Erased. From now on only the pseudonym erased-");
		assertThat(jdbc.sql("SELECT name FROM partners WHERE id = ?").param(person.partner().id().value())
			.query(String.class)
			.single()).startsWith("erased-");
		browser.type("#partner-query", person.partner().id().toString());
		browser.clickAndWait("#partner-find-button");
		assertThat(browser.text("#already-erased")).contains("already been erased");

		// a customer email: checked, then confirmed on a page of its own
		browser.type("#customer-email", "no-at-sign");
		browser.clickAndWait("#customer-next");
		assertThat(browser.text("#customer-email-error")).isEqualTo("must be an email address");
		browser.type("#customer-email", "someone@buyer.example");
		browser.clickAndWait("#customer-next");
		assertThat(browser.text("#customer-what")).contains("someone@buyer.example");
		browser.clickAndWait("#customer-erase-button");
		assertThat(browser.text("#erased")).contains("erased-");
	}

}
