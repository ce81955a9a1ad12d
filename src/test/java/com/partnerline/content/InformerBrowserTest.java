package com.partnerline.content;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerline.support.Api;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.tracking.Link;
import com.partnerline.tracking.TrackingManagement;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static com.partnerline.content.ContentFixtures.detect;
import static com.partnerline.content.ContentFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Virus Informer: its links carry the partner's referral from the configured
 * public address, it stays under 10 KB, and in headless Chromium a plain page on
 * another origin that embeds the script shows the rating without gaining a global name.
 */
class InformerBrowserTest extends IntegrationTest {

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TrackingManagement tracking;

	@Test
	void linksCarryThePartnersReferralAndStaySmall() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		publish(admin, vendor.slug(), "virus-news", map("title", "Ransomware hits hospitals", "body", "Patch now.",
				"translations", map("ru", map("title", "Вымогатель атакует больницы", "body", "Обновитесь."))));
		Api.Response html = api.get("/informer/" + partner.code() + ".html?lang=ru&style=dark&size=large");
		assertThat(html.status()).as(html.toString()).isEqualTo(200);
		assertThat(html.body()).contains("lang=\"ru\"").contains("Вирусный информер").contains("Вымогатель атакует больницы")
			.contains("pl-dark");
		List<String> links = hrefs(html.body());
		assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).startsWith("https://partners.example.test/r/"));
		String code = links.get(0).substring("https://partners.example.test/r/".length());
		Link link = tracking.findLink(code).orElseThrow();
		assertThat(link.partnerId().toString()).isEqualTo(partner.id());
		assertThat(html.header("Content-Security-Policy")).contains("frame-ancestors *");
		assertThat(html.header("X-Frame-Options")).isNull();

		Api.Response js = api.get("/informer/" + partner.code() + ".js");
		assertThat(js.status()).isEqualTo(200);
		assertThat(js.header("Content-Type")).startsWith("text/javascript");
		assertThat(js.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(10 * 1024);
		assertThat(js.body()).contains("\"link\":\"https://partners.example.test/r/" + code + "\"");
		assertThat(api.get("/informer/nobody-" + unique("x") + ".js").status()).isEqualTo(404);
		assertThat(api.get("/informer/" + partner.code() + ".js?style=neon").status()).isEqualTo(400);
	}

	@Test
	void rendersTheRatingIntoAPageOnAnotherOrigin() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String threat = unique("Trojan.Embedded");
		publish(admin, vendor.slug(), "threats", map("name", threat, "type", "TROJAN", "dangerLevel", 4,
				"activeFrom", "2026-11-20", "description", "Hides in invoices."));
		detect(transactions, events, threat, 50);
		String script = "http://127.0.0.1:" + port + "/informer/" + partner.code() + ".js?lang=en";
		ContentFeedsIntegrationTest.poll(() -> api.get("/informer/" + partner.code() + ".js?lang=en"),
				r -> r.body().contains(threat));
		String page = """
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner site</title></head>
				<body><h1>My security blog</h1><p id="before">Text before.</p>
				<script>document.documentElement.setAttribute('data-before', JSON.stringify(Object.keys(window)));
				window.addEventListener('load', function () {
				  var before = JSON.parse(document.documentElement.getAttribute('data-before'));
				  document.documentElement.setAttribute('data-added', JSON.stringify(Object.keys(window).filter(
				    function (k) { return before.indexOf(k) < 0; })));
				});</script>
				<script async src="%s"></script><p id="after">Text after.</p></body></html>""".formatted(script);
		HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		site.createContext("/", exchange -> {
			byte[] body = page.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		site.start();
		try (Browser browser = Browser.open("http://localhost:" + site.getAddress().getPort())) {
			browser.go("http://localhost:" + site.getAddress().getPort() + "/");
			WebElement host = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
				.until(d -> d.findElements(By.cssSelector("[data-partnerline-informer]")).stream().findFirst().orElse(null));
			SearchContext root = host.getShadowRoot();
			List<WebElement> rows = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(d -> {
					List<WebElement> found = root.findElements(By.cssSelector(".pl-rating li"));
					return found.isEmpty() ? null : found;
				});
			assertThat(rows.stream().map(WebElement::getText).toList()).anySatisfy(t -> assertThat(t).contains(threat));
			assertThat(root.findElement(By.cssSelector("h2 a")).getAttribute("href"))
				.startsWith("https://partners.example.test/r/");
			assertThat(browser.text("#before")).isEqualTo("Text before.");
			assertThat(browser.text("#after")).isEqualTo("Text after.");
			// the page noted the window's names before the script and once everything had loaded
			String added = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(d -> d.findElement(By.tagName("html")).getAttribute("data-added"));
			assertThat(added).isEqualTo("[]");
		}
		finally {
			site.stop(0);
		}
	}

	private static List<String> hrefs(String html) {
		Matcher matcher = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
		List<String> links = new java.util.ArrayList<>();
		while (matcher.find()) {
			links.add(matcher.group(1).replace("&amp;", "&"));
		}
		return links;
	}

}
