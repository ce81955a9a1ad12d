package com.partnerline.enablement;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.partnerline.accounts.Account;
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
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: a manager uploads a banner in the console; a partner
 * acknowledges the new policy its banner asks for, copies the banner's code in the
 * control panel, and the code, opened in a page of another origin (served by a second
 * local HTTP server), shows the banner and links through the partner's tracking link.
 */
class MaterialBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	Impressions impressions;

	private Browser browser;

	private HttpServer otherOrigin;

	@BeforeEach
	void open() {
		browser = Browser.open("http://127.0.0.1:" + port);
	}

	@AfterEach
	void close() {
		browser.close();
		if (otherOrigin != null) {
			otherOrigin.stop(0);
		}
	}

	@Test
	void copiedBannerCodeShowsTheBannerOnAnotherOriginAndLinksThroughThePartnersTrackingLink() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String manager = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
		Account account = accounts.open(new NewAccount(manager, Fixtures.PASSWORD, "Mia Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(account.id(), catalog.vendor(vendor.slug()).id().value());

		// the manager uploads a banner and publishes a policy in the console
		Path png = Files.createTempFile(Path.of("target"), "banner-", ".png");
		Files.write(png, Uploads.png(468, 60));
		browser.logIn(manager, Fixtures.PASSWORD);
		browser.go("/console").clickAndWait("#enablement-" + vendor.slug());
		assertThat(browser.text("#items-empty")).contains("No material yet");
		browser.find("#upload-file").sendKeys(png.toAbsolutePath().toString());
		browser.type("#upload-name", "Full banner");
		browser.type("#upload-target", "https://" + vendor.slug() + ".example.com/antivirus");
		browser.clickAndWait("#upload-submit");
		assertThat(browser.text("#done")).contains("Uploaded as version 1");
		assertThat(browser.text("#items")).contains("Full banner").contains("468 × 60 pixels");
		browser.clickAndWait("#nav-policies");
		new org.openqa.selenium.support.ui.Select(browser.find("#policy-kind")).selectByValue("TRADEMARK");
		browser.type("#policy-title", "Use of our trademarks");
		browser.type("#policy-body", "Do not bid on our **brand names**.");
		browser.clickAndWait("#policy-submit");
		assertThat(browser.text("#done")).contains("Version 1 is published");
		assertThat(browser.text("#policy-TRADEMARK")).contains("1 partner has not acknowledged it yet").contains(partner.email());
		browser.driver().manage().deleteAllCookies();

		// the partner is asked to acknowledge it until it has
		browser.logIn(partner.email(), Fixtures.PASSWORD);
		browser.go("/panel/programs");
		assertThat(browser.text("#policy-banners")).contains("new policies").contains("Trademark policy");
		browser.clickAndWait("#enablement-" + vendor.slug());
		assertThat(browser.text("#policy-banner")).contains("Trademark policy");
		browser.clickAndWait("#policy-banner-open");
		assertThat(browser.text("#policy-TRADEMARK")).contains("Do not bid on our brand names.");
		browser.clickAndWait("#acknowledge-TRADEMARK-submit");
		assertThat(browser.text("#done")).contains("acknowledgement is recorded");
		assertThat(browser.driver().findElements(By.id("policy-banner"))).isEmpty();
		browser.go("/panel");
		assertThat(browser.driver().findElements(By.id("policy-banners"))).isEmpty();

		// the library: preview, filter, copy
		browser.go("/panel/programs/" + vendor.slug() + "/material");
		WebElement preview = browser.find("#item-0 img.material-preview");
		browser.waitFor(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", preview)).intValue() == 468);
		browser.click("#copy-0");
		browser.waitFor(d -> d.findElement(By.cssSelector("#item-0 .copy-status")).getText().equals("Copied"));
		String code = browser.find("#code-0").getAttribute("value");
		assertThat(code).startsWith("<a href=\"https://partners.example.test/r/");
		String linkCode = code.replaceAll("(?s).*/r/([A-Za-z0-9_-]+)\".*", "$1");
		new org.openqa.selenium.support.ui.Select(browser.find("#filter-kind")).selectByValue("DOCUMENT");
		browser.clickAndWait("#filter-apply");
		assertThat(browser.text("#material-empty")).contains("No material matches");

		// the code on a page of another origin; the configured public address is this test's app
		String pasted = code.replace("https://partners.example.test", "http://localhost:" + port);
		String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner site</title></head>"
				+ "<body><h1>Our recommendation</h1>" + pasted + "</body></html>";
		otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		otherOrigin.createContext("/", exchange -> {
			byte[] body = page.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		otherOrigin.start();
		browser.go("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/");
		WebElement banner = browser.find("a img");
		browser.waitFor(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", banner)).intValue() == 468);
		assertThat(banner.getSize().getWidth()).isEqualTo(468);
		assertThat(browser.find("a").getAttribute("href")).isEqualTo("http://localhost:" + port + "/r/" + linkCode);

		List<String> before = new ArrayList<>(browser.driver().getWindowHandles());
		banner.click();
		browser.waitFor(d -> d.getWindowHandles().size() > before.size());
		// the click went through the partner's tracking link: the tracking module recorded it for this partner
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		long clicks = 0;
		while (clicks == 0 && System.nanoTime() < deadline) {
			clicks = jdbc.sql("SELECT count(*) FROM clicks WHERE link_code = ? AND partner_id = ?::uuid")
				.params(linkCode, partner.id())
				.query(Long.class)
				.single();
			Thread.sleep(200);
		}
		assertThat(clicks).isEqualTo(1);
		impressions.flush();
		assertThat(jdbc.sql("SELECT coalesce(sum(impressions), 0) FROM creative_impressions WHERE partner_id = ?::uuid")
			.params(partner.id())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
	}

}
