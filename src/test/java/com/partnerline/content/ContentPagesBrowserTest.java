package com.partnerline.content;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import com.partnerline.support.Browser;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content pages in headless Chromium with the demo data: the partner sees its
 * agreement's feed addresses with the key and builds its informer with a live preview;
 * an editor writes an item with a translation; the calendar shows every date.
 */
class ContentPagesBrowserTest extends IntegrationTest {

	@Test
	void partnerSeesFeedAddressesAndBuildsTheInformerWithALivePreview() {
		String key = jdbc.sql("""
				SELECT a.feed_key FROM content_agreements a JOIN partners p ON p.id = a.partner_id
				JOIN vendors v ON v.id = a.vendor_id WHERE p.code = 'demo' AND v.slug = 'kaspersky'""")
			.query(String.class)
			.list()
			.get(0);
		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			browser.logIn("demo@partner.example", "demo-partner-2026");
			browser.go("/panel/content");
			assertThat(browser.driver().findElements(By.cssSelector(".feed-urls input")))
				.anySatisfy(input -> assertThat(input.getAttribute("value"))
					.isEqualTo("https://partners.example.test/feeds/av-news.rss?key=" + key));
			assertThat(browser.driver().findElements(By.cssSelector("button.copy"))).hasSizeGreaterThan(2);
			assertThat(browser.find("#informer-code-js").getAttribute("value"))
				.contains("https://partners.example.test/informer/demo.js");

			browser.select("#informer-style", "DARK");
			browser.select("#informer-size", "LARGE");
			browser.waitFor(d -> browser.find("#informer-preview").getAttribute("src").contains("style=DARK")
					&& browser.find("#informer-preview").getAttribute("src").contains("size=LARGE") ? Boolean.TRUE
							: null);
			assertThat(browser.find("#informer-code-js").getAttribute("value")).contains("style=DARK");
			browser.driver().switchTo().frame(browser.find("#informer-preview"));
			assertThat(browser.find("section.pl-dark").getText()).contains("Virus");
			browser.driver().switchTo().defaultContent();

			browser.clickAndWait("#informer-save");
			assertThat(browser.find("#informer-saved").isDisplayed()).isTrue();
			assertThat(browser.find("#informer-style option[selected]").getAttribute("value")).isEqualTo("DARK");
		}
		assertThat(api.get("/informer/demo.html").body()).contains("pl-dark");
	}

	@Test
	void editorWritesAnItemWithATranslationAndSeesAgreementsAndTheCalendar() {
		String title = unique("Console news");
		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			browser.logIn("manager@kaspersky.example", "demo-manager-2026");
			browser.go("/console/vendors/kaspersky/content");
			assertThat(browser.text("#agreements")).contains("demo");
			browser.select("#item-kind", "VIRUS_NEWS");
			browser.type("#item-title-en", title);
			browser.type("#item-body-en", "Written in the console.");
			browser.type("#item-title-de", title + " auf Deutsch");
			browser.type("#item-body-de", "In der Konsole geschrieben.");
			browser.clickAndWait("#item-submit");
			assertThat(browser.driver().findElements(By.id("errors"))).as(browser.pageSource()).isEmpty();
			assertThat(browser.find("#content-saved").isDisplayed()).isTrue();
			assertThat(browser.text("#content-items")).contains(title).contains("EN DE");

			browser.go("/content/kaspersky/calendar");
			YearMonth month = YearMonth.now(ZoneId.of("Europe/Moscow"));
			assertThat(browser.driver().findElements(By.cssSelector("#calendar tbody tr"))).hasSize(month.lengthOfMonth());
			assertThat(browser.driver().findElements(By.id("day-" + month.atDay(1)))).as(browser.pageSource()).hasSize(1);
		}
		assertThat(jdbc.sql("""
				SELECT count(*) FROM content_item_history h JOIN content_translations t ON t.item_id = h.item_id
				WHERE t.lang = 'de' AND t.title = ?""").param(title + " auf Deutsch").query(Long.class).single())
			.isEqualTo(1);
	}


	@Test
	void editorEditsAnItemAndSeesEveryVersionAndAStaleFormIsRefused() {
		String title = unique("Edited news");
		String id = ContentFixtures.publish(admin, "kaspersky", "av-news", map("title", title, "body", "First words."));
		com.partnerline.support.Fixtures.TestVendor stranger = newVendor();
		String foreign = ContentFixtures.publish(admin, stranger.slug(), "av-news",
				map("title", unique("Foreign news"), "body", "Not yours."));
		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			browser.logIn("manager@kaspersky.example", "demo-manager-2026");
			browser.go("/console/vendors/kaspersky/content");
			browser.clickAndWait("a.item-edit[href$='" + id + "']");
			assertThat(browser.find("#item-title-en").getAttribute("value")).isEqualTo(title);
			browser.find("#item-title-en").clear();
			browser.type("#item-title-en", title + " (corrected)");
			browser.type("#item-title-fr", title + " en français");
			browser.type("#item-body-fr", "Premiers mots.");
			browser.clickAndWait("#item-submit");
			assertThat(browser.driver().findElements(By.id("errors"))).as(browser.pageSource()).isEmpty();
			assertThat(browser.find("#content-saved").isDisplayed()).isTrue();
			assertThat(browser.driver().findElements(By.cssSelector("#item-history tbody tr"))).hasSize(2);
			assertThat(browser.text("#version-2")).contains(title + " (corrected)").contains("EN FR");
			assertThat(browser.text("#version-1")).contains(title).doesNotContain("corrected");
			assertThat(browser.find("#item-title-fr").getAttribute("value")).isEqualTo(title + " en français");

			// another editor saves meanwhile: this form is stale, and saving it changes nothing
			assertThat(admin.put("/api/v1/admin/vendors/kaspersky/content/av-news/" + id + "?version=2",
					map("title", title + " by the API", "body", "Other words.")).status()).isEqualTo(200);
			browser.find("#item-title-en").clear();
			browser.type("#item-title-en", title + " lost");
			browser.clickAndWait("#item-submit");
			assertThat(browser.text("#errors")).contains("Someone saved this item in the meantime");
			assertThat(browser.driver().findElements(By.cssSelector("#item-history tbody tr"))).hasSize(3);
			assertThat(browser.find("#item-title-en").getAttribute("value")).isEqualTo(title + " by the API");

			// another vendor's item is not this vendor's to open
			browser.go("/console/vendors/kaspersky/content/" + foreign);
			assertThat(browser.pageSource()).doesNotContain("Not yours.");
			browser.go("/console/vendors/" + stranger.slug() + "/content/" + foreign);
			assertThat(browser.pageSource()).doesNotContain("Not yours.");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM content_item_history WHERE item_id = ?::uuid").param(id)
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void anotherPartnerSeesNoneOfTheDemoPartnersAgreements() {
		com.partnerline.support.Fixtures.TestPartner other = newPartner(newVendor());
		List<String> keys = jdbc.sql("SELECT feed_key FROM content_agreements").query(String.class).list();
		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			browser.logIn(other.email(), com.partnerline.support.Fixtures.PASSWORD);
			browser.go("/panel/content");
			assertThat(browser.find("#agreements-empty").isDisplayed()).isTrue();
			String page = browser.pageSource();
			assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(page).doesNotContain(key));
			assertThat(browser.find("#informer-code-js").getAttribute("value")).contains("/informer/" + other.code() + ".js");
		}
	}

}
