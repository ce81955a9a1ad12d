package com.partnerline.enablement;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.partnerline.support.Api;
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
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: a partner copies an HTML5 banner's code in the control panel;
 * the code, opened in a page of another origin, shows the banner in its sandboxed frame,
 * and a click on it opens the partner's tracking link (a new window), which records the click.
 */
class HtmlCreativeBrowserIntegrationTest extends IntegrationTest {

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
	void copiedHtmlBannerCodeShowsTheBannerOnAnotherOriginAndItsLinkGoesThroughThePartnersTrackingLink()
			throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Api.Response created = Uploads.post(port, ADMIN_TOKEN, "/api/v1/admin/vendors/" + vendor.slug() + "/creatives",
				Map.of("name", "Winter offer", "kind", "BANNER", "targetUrl", "https://" + vendor.slug() + ".example.com/offer"),
				"winter.html", HtmlCreativesUnitTest.banner("<style>.box{background:#0b6e4f;color:#fff;height:250px}</style>",
						"<div class=\"box\"><p class=\"claim\">Winter offer: 40% off</p><a href=\"#\">Buy now</a></div>")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		// the partner's library shows the banner in a sandboxed preview and the code to copy
		browser.logIn(partner.email(), Fixtures.PASSWORD);
		browser.go("/panel/programs/" + vendor.slug() + "/material");
		assertThat(browser.text("#item-0")).contains("Winter offer", "HTML5");
		assertThat(browser.find("#item-0 iframe.html-preview").getAttribute("sandbox")).isEmpty();
		browser.click("#copy-0");
		browser.waitFor(d -> d.findElement(By.cssSelector("#item-0 .copy-status")).getText().equals("Copied"));
		String code = browser.find("#code-0").getAttribute("value");
		assertThat(code).startsWith("<iframe src=\"https://partners.example.test/material/h/");
		String linkCode = code.replaceAll("(?s).*/material/h/([A-Za-z0-9_-]+)\".*", "$1");

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
		WebElement frame = browser.find("iframe");
		assertThat(frame.getSize().getWidth()).isEqualTo(300);
		assertThat(frame.getSize().getHeight()).isEqualTo(250);
		browser.driver().switchTo().frame(frame);
		browser.waitFor(d -> !d.findElements(By.className("claim")).isEmpty());
		assertThat(browser.driver().findElement(By.className("claim")).getText()).isEqualTo("Winter offer: 40% off");
		WebElement link = browser.driver().findElement(By.linkText("Buy now"));
		// the frame's links are the partner's tracking link under the configured public address
		assertThat(link.getAttribute("href")).isEqualTo("https://partners.example.test/r/" + linkCode);

		// the sandbox lets the click open it in a new window (the public address does not resolve in this test)
		List<String> before = new ArrayList<>(browser.driver().getWindowHandles());
		link.click();
		browser.waitFor(d -> d.getWindowHandles().size() > before.size());
		browser.driver().switchTo().defaultContent();
		// that address, asked of this app, is the partner's tracking link: the click is recorded for the partner
		assertThat(api.get("/r/" + linkCode).status()).isEqualTo(302);
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
	}

}
