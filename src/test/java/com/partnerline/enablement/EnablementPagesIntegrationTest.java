package com.partnerline.enablement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.PageSession;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel and console pages of partner support: seats and waiting-list position, four languages, tenants kept apart. */
class EnablementPagesIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	private TestPartner internetPartner(TestVendor vendor) {
		TestPartner partner = newPartner(vendor);
		Fixtures.internetContract(jdbc, partners, catalog.vendor(vendor.slug()).id(), partner.id(), BigDecimal.valueOf(0.2),
				"NETWORK");
		return partner;
	}

	private String manager(TestVendor vendor) {
		String email = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
		Account account = accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Mia Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(account.id(), catalog.vendor(vendor.slug()).id().value());
		return email;
	}

	@Test
	void seminarPagesShowSeatsAndWaitingPositionInFourLanguages() throws Exception {
		TestVendor vendor = newVendor();
		String seminar = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/seminars",
				map("title", "Partner onboarding", "startsAt",
						Instant.now().plus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC).toString(), "durationMinutes", 60,
						"timeZone", "Europe/Moscow", "capacity", 1, "mode", "ON_SITE", "location", "Moscow office"))
			.json()
			.path("seminarId")
			.asString();
		TestPartner first = internetPartner(vendor);
		TestPartner second = internetPartner(vendor);
		TestPartner affiliate = newPartner(vendor);

		PageSession one = PageSession.login(port, first.email(), Fixtures.PASSWORD);
		String path = "/panel/programs/" + vendor.slug() + "/seminars";
		assertThat(one.get(path).body()).contains("Partner onboarding").contains("1 seat left").contains("On site");
		assertThat(one.post(path + "/" + seminar + "/register", Map.of()).statusCode()).isEqualTo(302);
		assertThat(one.get(path).body()).contains("You are registered.").contains("no seats left").contains("Moscow office");

		PageSession two = PageSession.login(port, second.email(), Fixtures.PASSWORD);
		two.get(path);
		two.post(path + "/" + seminar + "/register", Map.of());
		String waiting = two.get(path + "?lang=en").body();
		assertThat(waiting).contains("Waiting list, position 1").contains("1 waiting").doesNotContain(">WAITLISTED<");
		assertThat(two.get(path + "?lang=ru").body()).contains("Лист ожидания, место 1").contains("мест нет")
			.contains("lang=\"ru\"");
		assertThat(two.get(path + "?lang=de").body()).contains("Warteliste, Platz 1").contains("Vor Ort");
		assertThat(two.get(path + "?lang=fr").body()).contains("Liste d’attente, rang 1").contains("Sur place");
		assertThat(two.get(path + "/" + seminar + "/calendar.ics").body()).contains("BEGIN:VEVENT").contains("Partner onboarding");

		// the first cancels: the second moves up
		one.get(path);
		one.post(path + "/" + seminar + "/cancel", Map.of());
		assertThat(two.get(path + "?lang=en").body()).contains("Registered").doesNotContain("Waiting list, position");

		// an affiliate sees the seminar and how to qualify, and cannot register
		PageSession aff = PageSession.login(port, affiliate.email(), Fixtures.PASSWORD);
		String affiliatePage = aff.get(path + "?lang=en").body();
		assertThat(affiliatePage).contains("Partner onboarding").contains("Training seminars are for Internet Partners")
			.doesNotContain("class=\"button primary register\"");
		aff.post(path + "/" + seminar + "/register", Map.of());
		assertThat(jdbc.sql("SELECT count(*) FROM seminar_registrations WHERE partner_id = ?::uuid").params(affiliate.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void pagesKeepToTheirTenantAndSpeakTheChosenLanguage() throws Exception {
		TestVendor vendor = newVendor();
		TestVendor other = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner stranger = newPartner(other);
		admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/pages/about", map("title", "About the vendor", "body", "We **protect**."));
		admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/policies/PRICING", map("title", "Prices", "body", "No discounts below list."));
		Uploads.post(port, ADMIN_TOKEN, "/api/v1/admin/vendors/" + vendor.slug() + "/creatives",
				Map.of("name", "Square", "kind", "BANNER", "targetUrl", "https://" + vendor.slug() + ".example.com/"), "s.png",
				Uploads.png(250, 250));

		PageSession session = PageSession.login(port, partner.email(), Fixtures.PASSWORD);
		String base = "/panel/programs/" + vendor.slug();
		String material = session.get(base + "/material?lang=en").body();
		assertThat(material).contains("Square").contains("250 × 250 pixels").contains("Pricing policy")
			.contains("https://partners.example.test/r/").doesNotContain(">BANNER<");
		assertThat(session.get(base + "/material?lang=de").body()).contains("Werbematerial").contains("Preisrichtlinie");
		assertThat(session.get(base + "/material?lang=fr").body()).contains("supports marketing");
		assertThat(session.get(base + "/material?lang=ru").body()).contains("рекламные материалы");
		assertThat(session.get(base + "/pages?lang=en").body()).contains("<strong>protect</strong>");
		assertThat(session.get(base + "/policies?lang=en").body()).contains("No discounts below list.");
		session.post(base + "/policies/PRICING/acknowledge", Map.of("version", "1"));
		assertThat(session.get(base + "/material?lang=en").body()).doesNotContain("id=\"policy-banner\"");

		PageSession intruder = PageSession.login(port, stranger.email(), Fixtures.PASSWORD);
		assertThat(intruder.get(base + "/material").statusCode()).isEqualTo(404);
		assertThat(intruder.get(base + "/pages").statusCode()).isEqualTo(404);

		PageSession own = PageSession.login(port, manager(vendor), Fixtures.PASSWORD);
		assertThat(own.get("/console/vendors/" + vendor.slug() + "/material?lang=en").body()).contains("Square");
		assertThat(own.get("/console/vendors/" + vendor.slug() + "/policies?lang=ru").body())
			.contains("Все партнёры подтвердили.");
		PageSession foreign = PageSession.login(port, manager(other), Fixtures.PASSWORD);
		assertThat(foreign.get("/console/vendors/" + vendor.slug() + "/material").statusCode()).isEqualTo(404);
		assertThat(foreign.get("/console/vendors/" + vendor.slug() + "/seminars").statusCode()).isEqualTo(404);
	}

}
