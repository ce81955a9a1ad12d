package com.partnerline.enablement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.HmacSignature;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.PageSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Impressions, clicks, orders and sales per item, worked out by hand: impressions from
 * the batched counter after a flush, clicks through the items' links (sub-ids
 * {@code cr-…}/{@code tl-…}), orders attributed to those clicks. A partner sees only its
 * own figures; the vendor sees all partners' per item.
 */
class MaterialFiguresIntegrationTest extends IntegrationTest {

	@Autowired
	Impressions impressions;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	/** A click through the link; the click id the redirect hands on. */
	private String click(String linkCode) {
		Api.Response redirect = api.get("/r/" + linkCode);
		assertThat(redirect.status()).isEqualTo(302);
		String location = redirect.header("Location");
		return location.substring(location.indexOf("plc=") + 4).replaceAll("&.*", "");
	}

	private void order(TestVendor vendor, String clickId, String price) {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"c@customer.example","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{"clickId":"%s"}}"""
			.formatted(unique("o"), Instant.now(), price, clickId);
		Api.Response response = api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	private JsonNode item(TestPartner partner, TestVendor vendor, String kind, String query) {
		JsonNode items = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives?kind=" + kind + query).json();
		assertThat(items.size()).isEqualTo(1);
		return items.get(0);
	}

	/** Waits until the click writer has stored the clicks through the partner's items (group commits are asynchronous). */
	private void awaitClicks(TestPartner partner, TestVendor vendor, long banner, long textLink) throws Exception {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (item(partner, vendor, "BANNER", "").path("clicks").asLong() == banner
					&& item(partner, vendor, "TEXT_LINK", "").path("clicks").asLong() == textLink) {
				return;
			}
			Thread.sleep(200);
		}
	}

	@Test
	void eachPartnerSeesItsOwnFiguresPerItemAndTheVendorSeesAllPartners() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner alice = newPartner(vendor);
		TestPartner bob = newPartner(vendor);
		Api.Response created = Uploads.post(port, ADMIN_TOKEN, "/api/v1/admin/vendors/" + vendor.slug() + "/creatives",
				Map.of("name", "Leaderboard", "kind", "BANNER", "targetUrl", "https://" + vendor.slug() + ".example.com/"),
				"leaderboard.png", Uploads.png(728, 90));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String creativeId = created.json().path("creativeId").asString();
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/text-links/home",
				map("text", "Best antivirus", "targetUrl", "https://" + vendor.slug() + ".example.com/home")).status())
			.isEqualTo(200);

		String aliceBanner = item(alice, vendor, "BANNER", "").path("trackingLink").asString().replaceAll(".*/r/", "");
		String aliceText = item(alice, vendor, "TEXT_LINK", "").path("trackingLink").asString().replaceAll(".*/r/", "");
		String bobBanner = item(bob, vendor, "BANNER", "").path("trackingLink").asString().replaceAll(".*/r/", "");

		// impressions: Alice's banner shown 3 times, Bob's once; counted in memory, written by the flush
		for (int i = 0; i < 3; i++) {
			assertThat(api.get("/material/i/" + aliceBanner).status()).isEqualTo(200);
		}
		assertThat(api.get("/material/i/" + bobBanner).status()).isEqualTo(200);
		assertThat(item(alice, vendor, "BANNER", "").path("impressions").asLong()).isZero();
		impressions.flush();

		// clicks: Alice's banner twice and her text link once, Bob's banner once
		String bannerClick = click(aliceBanner);
		click(aliceBanner);
		String textClick = click(aliceText);
		click(bobBanner);
		// orders through those clicks: 2 through Alice's banner (100.00 + 49.50), 1 through her text link (20.00)
		order(vendor, bannerClick, "100.00");
		order(vendor, bannerClick, "49.50");
		order(vendor, textClick, "20.00");
		awaitClicks(alice, vendor, 2, 1);

		JsonNode banner = item(alice, vendor, "BANNER", "");
		assertThat(banner.path("impressions").asLong()).isEqualTo(3);
		assertThat(banner.path("clicks").asLong()).isEqualTo(2);
		assertThat(banner.path("orders").asLong()).isEqualTo(2);
		assertThat(banner.path("sales").asString()).isEqualTo("149.50");
		assertThat(banner.path("currency").asString()).isEqualTo("USD");
		JsonNode text = item(alice, vendor, "TEXT_LINK", "");
		assertThat(text.path("impressions").isNull() || text.path("impressions").isMissingNode()).isTrue();
		assertThat(text.path("clicks").asLong()).isEqualTo(1);
		assertThat(text.path("orders").asLong()).isEqualTo(1);
		assertThat(text.path("sales").asString()).isEqualTo("20.00");

		// Bob sees his own figures only: none of Alice's impressions, clicks or orders
		JsonNode bobs = item(bob, vendor, "BANNER", "");
		assertThat(bobs.path("impressions").asLong()).isEqualTo(1);
		assertThat(bobs.path("clicks").asLong()).isEqualTo(1);
		assertThat(bobs.path("orders").asLong()).isZero();
		assertThat(bobs.path("sales").asString()).isEqualTo("0.00");
		assertThat(item(bob, vendor, "TEXT_LINK", "").path("clicks").asLong()).isZero();

		// a period without activity, and a bad one
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		JsonNode later = item(alice, vendor, "BANNER", "&from=" + tomorrow + "&to=" + tomorrow);
		assertThat(later.path("impressions").asLong()).isZero();
		assertThat(later.path("clicks").asLong()).isZero();
		assertThat(later.path("orders").asLong()).isZero();
		Api.Response bad = alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives?from=someday");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.errorFields()).containsExactly("from");

		// Alice's panel page shows her figures beside each item, not Bob's
		PageSession panel = PageSession.login(port, alice.email(), Fixtures.PASSWORD);
		Document page = Jsoup.parse(panel.get("/panel/programs/" + vendor.slug() + "/material?kind=BANNER").body());
		assertThat(page.select("#item-0 .figures").text()).contains("3 impressions", "2 clicks", "2 orders", "$149.50");
		Document textPage = Jsoup.parse(panel.get("/panel/programs/" + vendor.slug() + "/material?kind=TEXT_LINK").body());
		assertThat(textPage.select("#item-0 .figures").text()).contains("1 click", "1 order", "$20.00")
			.doesNotContain("impression");

		// the vendor's console: every partner's figures per item
		String manager = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
		Account account = accounts.open(new NewAccount(manager, Fixtures.PASSWORD, "Mia Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(account.id(), catalog.vendor(vendor.slug()).id().value());
		PageSession console = PageSession.login(port, manager, Fixtures.PASSWORD);
		Document material = Jsoup.parse(console.get("/console/vendors/" + vendor.slug() + "/material").body());
		var row = material.select("#creative-" + creativeId);
		assertThat(row.select(".impressions").text()).isEqualTo("4");
		assertThat(row.select(".clicks").text()).isEqualTo("3");
		assertThat(row.select(".orders").text()).isEqualTo("2");
		assertThat(row.select(".sales").text()).isEqualTo("$149.50");
		var textRow = material.select("#tl-row-home");
		assertThat(textRow.select(".clicks").text()).isEqualTo("1");
		assertThat(textRow.select(".orders").text()).isEqualTo("1");
		assertThat(textRow.select(".sales").text()).isEqualTo("$20.00");
		Document empty = Jsoup.parse(console.get("/console/vendors/" + vendor.slug() + "/material?from=" + tomorrow
				+ "&to=" + tomorrow).body());
		assertThat(empty.select("#creative-" + creativeId + " .clicks").text()).isEqualTo("0");
		Document wrong = Jsoup.parse(console.get("/console/vendors/" + vendor.slug() + "/material?from=" + tomorrow
				+ "&to=2000-01-01").body());
		assertThat(wrong.select("#period-errors").text()).contains("before its start");
	}

}
