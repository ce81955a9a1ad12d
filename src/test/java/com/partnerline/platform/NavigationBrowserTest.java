package com.partnerline.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: the top navigation of the panel, the 403 page that says what
 * is not allowed, the 404 page for unknown addresses (not the login page), the public
 * program page at each vendor's programUrl, a header that fits a 390 px phone, and the
 * affiliate advice gone once the partner is an Internet Partner.
 */
class NavigationBrowserTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	@Test
	void unknownAddressesAnswerWithThe404PageAndPagesStillAskToLogOn() throws Exception {
		HttpResponse<String> unknown = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/no-such-page/at-all")).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
		try (Browser browser = Browser.open(base())) {
			browser.go("/no-such-page/at-all");
			assertThat(browser.currentUrl()).doesNotContain("/login");
			assertThat(browser.find("main").getAttribute("class")).contains("not-found");
			assertThat(browser.text("h1")).isEqualTo("Page not found");
			browser.go("/panel/announcements");
			assertThat(browser.currentUrl()).contains("/login");
		}
	}

	@Test
	void eachOpenProgramHasAPublicPageAtItsProgramUrl() {
		TestVendor vendor = Fixtures.vendor(admin, unique("prog"));
		String programUrl = null;
		for (var entry : api.get("/api/v1/vendors").json()) {
			if (vendor.slug().equals(entry.path("slug").asString())) {
				programUrl = entry.path("programUrl").asString();
			}
		}
		assertThat(programUrl).isEqualTo("https://partners.example.test/programs/" + vendor.slug());
		String programPath = URI.create(programUrl).getPath();
		try (Browser browser = Browser.open(base())) {
			browser.go(programPath);
			assertThat(browser.text("h1")).isEqualTo("Partner program of Vendor " + vendor.slug());
			assertThat(browser.driver().findElements(By.cssSelector("#program-bands tbody tr"))).hasSizeGreaterThan(1);
			assertThat(browser.text("#program-terms")).contains("Program terms (version 1.0)",
					"Standard terms of " + vendor.slug());
			assertThat(browser.text("main")).contains("How to join");
			browser.go("/?lang=en");
			browser.clickAndWait("#program-" + vendor.slug());
			assertThat(browser.currentUrl()).endsWith(programPath);
			browser.go("/programs/no-such-vendor");
			assertThat(browser.find("main").getAttribute("class")).contains("not-found");
		}
	}

	@Test
	void partnerFindsItsWayByTheTopNavigationAndIsToldTheConsoleIsNotForIt() {
		TestVendor vendor = Fixtures.vendor(admin, unique("nav"));
		TestPartner partner = Fixtures.partner(api, partners, vendor);
		try (Browser browser = Browser.open(base())) {
			browser.logIn(partner.email(), Fixtures.PASSWORD);
			browser.go("/panel/programs?lang=en");
			assertThat(texts(browser, "nav.top-nav .nav-panel a")).contains("Control panel", "Announcements",
					"Payout details", "Online scanner");
			assertThat(browser.find("nav.top-nav a[aria-current='page']").getText()).isEqualTo("Control panel");
			browser.go("/panel/programs/" + vendor.slug() + "/tracking");
			assertThat(texts(browser, "nav.top-nav .nav-vendor a")).containsExactly("Dashboard", "Links and statistics", "Commissions",
					"Reports", "Partner support", "Support");
			browser.clickAndWait("nav.top-nav .nav-vendor a[href$='/commissions']");
			assertThat(browser.currentUrl()).endsWith("/panel/programs/" + vendor.slug() + "/commissions");
			assertThat(browser.find("nav.top-nav a[aria-current='page']").getText()).isEqualTo("Commissions");

			browser.go("/console/proposals");
			assertThat(browser.find("main").getAttribute("class")).contains("forbidden");
			assertThat(browser.text("h1")).isEqualTo("This page is not for your account");
			assertThat(browser.text("#forbidden-reason")).contains("vendor console", "partner account");
			browser.clickAndWait("main.forbidden a.button");
			assertThat(browser.currentUrl()).endsWith("/panel/programs/" + vendor.slug() + "/dashboard");
		}
	}

	@Test
	void theHeaderFitsA390PixelPhone() {
		TestVendor vendor = Fixtures.vendor(admin, unique("phone"));
		TestPartner partner = Fixtures.partner(api, partners, vendor);
		try (Browser browser = Browser.open(base())) {
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			int viewport = ((Number) ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.clientWidth;")).intValue();
			browser.logIn(partner.email(), Fixtures.PASSWORD);
			for (String page : List.of("/panel", "/panel/programs/" + vendor.slug() + "/tracking", "/panel/scanner")) {
				browser.go(page);
				WebElement header = browser.find("header.top");
				Number right = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
						"return Math.max(...[...arguments[0].querySelectorAll('*')].map(e => e.getBoundingClientRect().right));",
						header);
				assertThat(right.doubleValue()).as(page + ": the header's right edge").isLessThanOrEqualTo(viewport);
				Number scroll = (Number) ((JavascriptExecutor) browser.driver())
					.executeScript("return document.querySelector('header.top').scrollWidth;");
				assertThat(scroll.intValue()).as(page + ": the header scrolls sideways").isLessThanOrEqualTo(viewport);
			}
		}
	}

	@Test
	void theAffiliateAdviceIsGoneOnceThePartnerIsAnInternetPartner() {
		TestVendor vendor = Fixtures.vendor(admin, unique("advice"));
		TestPartner partner = Fixtures.partner(api, partners, vendor);
		try (Browser browser = Browser.open(base())) {
			browser.logIn(partner.email(), Fixtures.PASSWORD);
			browser.go("/panel/programs");
			assertThat(browser.driver().findElements(By.id("internet-route"))).hasSize(1);
			Fixtures.internetContract(jdbc, partners, catalog.vendor(vendor.slug()).id(), partner.id(), null, "NETWORK");
			browser.go("/panel/programs");
			assertThat(browser.driver().findElements(By.id("internet-route"))).isEmpty();
			assertThat(browser.driver().findElements(By.id("affiliate-advice"))).isEmpty();
		}
	}

	private static List<String> texts(Browser browser, String css) {
		return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

}
