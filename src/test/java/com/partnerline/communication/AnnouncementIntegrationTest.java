package com.partnerline.communication;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcements reach whom their audience names, by mail once when published (unless
 * the partner opted out) and in the panel; read receipts are counted; Markdown is
 * rendered without letting HTML or script through.
 */
class AnnouncementIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	Announcements announcements;

	@Test
	void eachAudienceReachesOnlyItsPartnersInTheListAndByMail() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner affiliate = newPartner(vendor);
		TestPartner internet = newPartner(vendor);
		Fixtures.internetContract(jdbc, partners, catalog.vendor(vendor.slug()).id(), internet.id(), null, "NETWORK");
		TestVendor otherVendor = newVendor();
		TestPartner outsider = newPartner(otherVendor);

		announce(vendor, "For everyone", "ALL", null);
		announce(vendor, "Affiliates: new banners", "AFFILIATE", null);
		announce(vendor, "Internet Partners: Q3 targets", "INTERNET", null);

		assertThat(titles(affiliate)).containsExactlyInAnyOrder("For everyone", "Affiliates: new banners");
		assertThat(titles(internet)).containsExactlyInAnyOrder("For everyone", "Internet Partners: Q3 targets");
		assertThat(titles(outsider)).isEmpty();

		mail().await(affiliate.email(), 2, Duration.ofSeconds(20));
		mail().await(internet.email(), 2, Duration.ofSeconds(20));
		assertThat(subjects(affiliate)).containsExactlyInAnyOrder("Vendor " + vendor.slug() + ": For everyone",
				"Vendor " + vendor.slug() + ": Affiliates: new banners");
		assertThat(subjects(internet)).containsExactlyInAnyOrder("Vendor " + vendor.slug() + ": For everyone",
				"Vendor " + vendor.slug() + ": Internet Partners: Q3 targets");
		assertThat(mail().to(outsider.email())).isEmpty();
	}

	@Test
	void scheduledAnnouncementIsHiddenUntilItsTimeAndMailedOnce() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Instant later = Instant.now().plus(Duration.ofHours(2));

		Api.Response created = announce(vendor, "Maintenance on Sunday", "ALL", later.atOffset(ZoneOffset.UTC).toString());
		assertThat(titles(partner)).isEmpty();
		assertThat(announcements.mailDue(Instant.now())).isZero();

		assertThat(announcements.mailDue(later.plusSeconds(60))).isGreaterThanOrEqualTo(1);
		assertThat(announcements.mailDue(later.plusSeconds(120))).isZero();
		MimeMessage mail = mail().await(partner.email());
		assertThat(MailServer.text(mail)).contains("Maintenance on Sunday")
			.contains("/panel/announcements/" + created.json().path("announcementId").asString());
		assertThat(mail().to(partner.email())).hasSize(1);
	}

	@Test
	void partnerWhoOptedOutIsNotMailedButStillSeesIt() {
		TestVendor vendor = newVendor();
		TestPartner quiet = newPartner(vendor);
		TestPartner loud = newPartner(vendor);
		announcements.setWantsMail(com.partnerline.kernel.PartnerId.of(quiet.id()), false);

		announce(vendor, "Price change", "ALL", null);

		mail().await(loud.email());
		assertThat(titles(quiet)).containsExactly("Price change");
		assertThat(mail().to(quiet.email())).isEmpty();
	}

	@Test
	void readReceiptsAreCountedForTheVendor() {
		TestVendor vendor = newVendor();
		TestPartner reader = newPartner(vendor);
		newPartner(vendor);
		String id = announce(vendor, "Welcome", "ALL", null).json().path("announcementId").asString();
		assertThat(reader.api().get("/api/v1/partner/announcements").json().get(0).path("read").asBoolean()).isFalse();

		assertThat(reader.api().post("/api/v1/partner/announcements/" + id + "/read", map()).status()).isEqualTo(200);
		assertThat(reader.api().post("/api/v1/partner/announcements/" + id + "/read", map()).status()).isEqualTo(200);

		assertThat(reader.api().get("/api/v1/partner/announcements").json().get(0).path("read").asBoolean()).isTrue();
		var listed = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/announcements").json().get(0);
		assertThat(listed.path("reads").asLong()).isEqualTo(1);
		assertThat(listed.path("addressed").asLong()).isEqualTo(2);

		// another program's partner cannot read (nor count as a reader of) it
		TestPartner outsider = newPartner(newVendor());
		assertThat(outsider.api().post("/api/v1/partner/announcements/" + id + "/read", map()).status()).isEqualTo(404);
	}

	@Test
	void markdownIsRenderedWithoutHtmlOrScript() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		announce(vendor, "Safe", "ALL",
				null, "**New** [banners](https://example.com/b)\n\n<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n<img src=x onerror=alert(3)>");

		var item = partner.api().get("/api/v1/partner/announcements").json().get(0);
		String html = item.path("bodyHtml").asString();
		assertThat(html).contains("<strong>New</strong>").contains("href=\"https://example.com/b\">banners</a>");
		assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<img");
		assertThat(html).contains("&lt;script&gt;");
	}

	@Test
	void refusesAnnouncementsNamingEachBadField() {
		TestVendor vendor = newVendor();
		Api.Response refused = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/announcements",
				map("title", "", "body", "text", "audience", "RESELLERS", "publishAt", "tomorrow"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactlyInAnyOrder("title", "audience", "publishAt");
		assertThat(admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/announcements").json().size()).isZero();
		assertThat(api.get("/api/v1/partner/announcements").status()).isEqualTo(401);
	}

	private Api.Response announce(TestVendor vendor, String title, String audience, String publishAt) {
		return announce(vendor, title, audience, publishAt, "Dear partners,\n\n" + title + ".");
	}

	private Api.Response announce(TestVendor vendor, String title, String audience, String publishAt, String body) {
		java.util.Map<String, Object> request = map("title", title, "body", body, "audience", audience);
		if (publishAt != null) {
			request.put("publishAt", publishAt);
		}
		Api.Response response = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/announcements", request);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		OffsetDateTime.parse(response.json().path("publishAt").asString());
		return response;
	}

	private static List<String> titles(TestPartner partner) {
		Api.Response response = partner.api().get("/api/v1/partner/announcements");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().valueStream().map(a -> a.path("title").asString()).toList();
	}

	private static List<String> subjects(TestPartner partner) {
		return mail().to(partner.email()).stream().map(m -> {
			try {
				return m.getSubject();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
