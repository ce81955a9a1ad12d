package com.partnerline.communication;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.communication.CommunicationFixtures.Manager;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: a partner opens a ticket in the control panel, a vendor
 * manager answers it in the console, and the partner sees the answer; a partner reads
 * an announcement and its unread badge goes away.
 */
class SupportDeskBrowserIntegrationTest extends IntegrationTest {

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

	@Test
	void partnerOpensATicketManagerAnswersInTheConsolePartnerSeesTheAnswer() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);

		browser.logIn(partner.email(), Fixtures.PASSWORD);
		browser.go("/panel/programs").clickAndWait("#support-" + vendor.slug());
		assertThat(browser.text("#tickets-empty")).contains("not opened any ticket");
		browser.type("#ticket-subject", "Clicks missing since Monday");
		new Select(browser.find("#ticket-category")).selectByValue("TRACKING");
		browser.type("#ticket-body", "My link /r/abc shows no clicks since Monday.");
		browser.clickAndWait("#ticket-submit");
		assertThat(browser.text("#done")).contains("Your ticket was opened");
		assertThat(browser.text("#ticket-status")).isEqualTo("Open");
		String ticketPage = browser.currentUrl();

		browser.driver().manage().deleteAllCookies();
		browser.logIn(manager.email(), Fixtures.PASSWORD);
		browser.go("/console").clickAndWait("#tickets-" + vendor.slug());
		assertThat(browser.text("#queue")).contains("Clicks missing since Monday").contains("Tracking").contains("left");
		browser.clickAndWait("#queue a");
		assertThat(browser.text("#messages")).contains("My link /r/abc shows no clicks since Monday.");
		browser.type("#reply-body", "We fixed the counter; your clicks are back.");
		browser.clickAndWait("#reply-submit");
		assertThat(browser.text("#done")).contains("sent to the partner");
		assertThat(browser.text("#ticket-status")).isEqualTo("Waiting for partner");

		browser.driver().manage().deleteAllCookies();
		browser.logIn(partner.email(), Fixtures.PASSWORD);
		browser.go(ticketPage);
		assertThat(browser.text("#messages")).contains("We fixed the counter; your clicks are back.")
			.contains("Vendor " + vendor.slug());
		assertThat(browser.text("#ticket-status")).isEqualTo("Waiting for partner");
		browser.type("#reply-body", "Confirmed, thank you.");
		browser.clickAndWait("#reply-submit");
		assertThat(browser.text("#ticket-status")).isEqualTo("Open");
		assertThat(browser.text("#messages")).contains("Confirmed, thank you.");
		assertThat(mail().await(partner.email()).getSubject()).contains("answered your ticket");
	}

	@Test
	void partnerSeesTheUnreadBadgeReadsTheAnnouncementAndTheBadgeGoes() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);

		browser.logIn(manager.email(), Fixtures.PASSWORD);
		browser.go("/console").clickAndWait("#announcements-" + vendor.slug());
		assertThat(browser.text("#announcements-empty")).contains("No announcements");
		browser.type("#announce-title", "New banners");
		browser.type("#announce-body", "Fresh **banners** are ready.\n\n<b>not bold</b>");
		browser.clickAndWait("#announce-submit");
		assertThat(browser.text("#announcements")).contains("New banners").contains("0 of 1");

		browser.driver().manage().deleteAllCookies();
		browser.logIn(partner.email(), Fixtures.PASSWORD);
		browser.go("/panel/programs");
		assertThat(browser.text("#unread-badge")).isEqualTo("1 unread");
		browser.clickAndWait("#announcements-link");
		browser.clickAndWait(".announcements a");
		assertThat(browser.find("#announcement-body strong").getText()).isEqualTo("banners");
		assertThat(browser.text("#announcement-body")).contains("<b>not bold</b>");
		browser.go("/panel/programs");
		assertThat(browser.driver().findElements(org.openqa.selenium.By.id("unread-badge"))).isEmpty();

		// the partner turns announcement mails off in the panel
		browser.go("/panel/announcements");
		browser.click("#announcement-mail");
		browser.clickAndWait("#preferences-save");
		assertThat(browser.text("#done")).contains("saved");
		assertThat(browser.find("#announcement-mail").isSelected()).isFalse();
	}

}
