package com.partnerline.trials;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import com.partnerline.tracking.TrackingManagement;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class TrialsIntegrationTest extends IntegrationTest {

	@Autowired
	TrialManagement trialManagement;

	@Autowired
	TrialLifecycle lifecycle;

	@Autowired
	Trials trialStore;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	TrackingManagement tracking;

	@Autowired
	TrialSettings settings;

	@Autowired
	Clock clock;

	Api.Response trial(TestVendor vendor, String email, String ref) {
		return api.post("/api/v1/trials", ref == null ? map("vendor", vendor.slug(), "sku", "PROD", "email", email)
				: map("vendor", vendor.slug(), "sku", "PROD", "email", email, "ref", ref));
	}

	String linkCode(TestPartner partner, TestVendor vendor) {
		Api.Response link = partner.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD"));
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		return link.json().path("code").asString();
	}

	Api.Response order(TestVendor vendor, String orderId, String email, String referral) throws Exception {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"%s","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"100.00"}],"referral":{%s}}"""
			.formatted(orderId, Instant.now().toString(), email, referral);
		long t = Instant.now().getEpochSecond();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(vendor.processorSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
		String signature = "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		return api.header("X-Partnerline-Signature", signature)
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
	}

	@Test
	void issuesASignedLicenceForTheProductsTrialDays() {
		TestVendor vendor = newVendor();
		Instant before = Instant.now().minusSeconds(2);
		Api.Response issued = trial(vendor, unique("customer") + "@example.net", null);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		String key = issued.json().path("licenseKey").asString();
		OffsetDateTime expiresAt = OffsetDateTime.parse(issued.json().path("expiresAt").asString());
		assertThat(expiresAt.toInstant()).isBetween(before.plus(Duration.ofDays(30)),
				Instant.now().plus(Duration.ofDays(30)).plusSeconds(2));

		Api.Response checked = api.get("/api/v1/licenses/" + key);
		assertThat(checked.status()).isEqualTo(200);
		assertThat(checked.json().path("sku").asString()).isEqualTo("PROD");
		assertThat(checked.json().path("kind").asString()).isEqualTo("TRIAL");
		assertThat(OffsetDateTime.parse(checked.json().path("expiresAt").asString())).isEqualTo(expiresAt);
		assertThat(checked.json().path("valid").asBoolean()).isTrue();
	}

	@Test
	void aProductWithoutTrialDaysGivesTrialsOfOneCalendarMonth() {
		TestVendor vendor = newVendor();
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/products/MONTH",
				map("name", "Monthly", "price", "10.00", "currency", "USD")).status()).isEqualTo(200);
		String email = unique("month") + "@example.net";
		Api.Response issued = api.post("/api/v1/trials", map("vendor", vendor.slug(), "sku", "MONTH", "email", email));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		Instant started = jdbc.sql("SELECT started_at FROM trials WHERE email = ?")
			.param(email)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		java.time.ZoneId zone = catalog.vendor(vendor.slug()).timeZone();
		// "(one month)", docs/api.md: the same day and time of the next month in the vendor's time zone
		assertThat(OffsetDateTime.parse(issued.json().path("expiresAt").asString()).toInstant())
			.isEqualTo(started.atZone(zone).plusMonths(1).toInstant());
	}

	@Test
	void refusesASecondTrialOfTheSameProductForTheSameEmail() {
		TestVendor vendor = newVendor();
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/products/OTHER",
				map("name", "Other", "price", "10.00", "currency", "USD", "trialDays", 14)).status()).isEqualTo(200);
		String email = unique("twice") + "@example.net";
		assertThat(trial(vendor, email, null).status()).isEqualTo(201);

		Api.Response again = trial(vendor, email.toUpperCase(), null);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat(jdbc.sql("SELECT count(*) FROM trials WHERE email = ?").param(email).query(Long.class).single())
			.isEqualTo(1);

		Api.Response other = api.post("/api/v1/trials", map("vendor", vendor.slug(), "sku", "OTHER", "email", email));
		assertThat(other.status()).as(other.toString()).isEqualTo(201);
		assertThat(OffsetDateTime.parse(other.json().path("expiresAt").asString()).toInstant())
			.isBefore(Instant.now().plus(Duration.ofDays(15)));
	}

	@Test
	void namesEveryBadFieldAndStoresNothing() {
		TestVendor vendor = newVendor();
		Api.Response bad = api.post("/api/v1/trials", map("vendor", vendor.slug(), "sku", "NOPE", "email", "not-mail"));
		assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("sku", "email");
		Api.Response missing = api.post("/api/v1/trials", map());
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.errorFields()).contains("vendor", "sku", "email");
		assertThat(api.post("/api/v1/trials", map("vendor", unique("nobody"), "sku", "PROD", "email", "a@b.example"))
			.errorFields()).containsExactly("vendor");
		assertThat(jdbc.sql("SELECT count(*) FROM trials t JOIN vendors v ON v.id = t.vendor_id WHERE v.slug = ?")
			.param(vendor.slug()).query(Long.class).single()).isZero();
	}

	@Test
	void aProductChecksTheKeyOfflineWithThePublicKeyOnly() throws Exception {
		TestVendor vendor = newVendor();
		String key = trial(vendor, unique("offline") + "@example.net", null).json().path("licenseKey").asString();
		Api.Response published = api.get("/.well-known/license-keys/" + vendor.slug());
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.json().path("algorithm").asString()).isEqualTo("Ed25519");
		assertThat(published.json().path("jwk").path("crv").asString()).isEqualTo("Ed25519");
		PublicKey publicKey = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(published.json().path("publicKey").asString())));
		String pem = api.get("/.well-known/license-keys/" + vendor.slug() + ".pem").body();
		assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
		byte[] fromPem = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
		assertThat(fromPem).isEqualTo(publicKey.getEncoded());

		// what a product does, with nothing but the key and the public key
		assertThat(verifies(key, publicKey)).isTrue();
		String payload = new String(Base64.getUrlDecoder().decode(key.substring(0, key.indexOf('.'))),
				StandardCharsets.UTF_8);
		assertThat(payload.split("\n")).startsWith("PL1", vendor.slug(), "PROD", "TRIAL");

		// another vendor's public key does not check it
		TestVendor other = newVendor();
		PublicKey otherKey = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
				.decode(api.get("/.well-known/license-keys/" + other.slug()).json().path("publicKey").asString())));
		assertThat(verifies(key, otherKey)).isFalse();
		// the vendor's key is made once: asking again answers the same
		assertThat(api.get("/.well-known/license-keys/" + vendor.slug()).json().path("publicKey").asString())
			.isEqualTo(published.json().path("publicKey").asString());
		assertThat(api.get("/.well-known/license-keys/" + unique("nobody")).status()).isEqualTo(404);
	}

	static boolean verifies(String key, PublicKey publicKey) throws Exception {
		String[] parts = key.split("\\.");
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(publicKey);
		signature.update(Base64.getUrlDecoder().decode(parts[0]));
		return signature.verify(Base64.getUrlDecoder().decode(parts[1]));
	}

	@Test
	void aTamperedKeyIsInvalid() throws Exception {
		TestVendor vendor = newVendor();
		String key = trial(vendor, unique("tamper") + "@example.net", null).json().path("licenseKey").asString();
		String payload = new String(Base64.getUrlDecoder().decode(key.substring(0, key.indexOf('.'))),
				StandardCharsets.UTF_8);
		String[] fields = payload.split("\n");
		fields[5] = Long.toString(Long.parseLong(fields[5]) + 365L * 24 * 3600);
		String extended = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(String.join("\n", fields).getBytes(StandardCharsets.UTF_8)) + key.substring(key.indexOf('.'));
		char last = key.charAt(key.length() - 2);
		String badSignature = key.substring(0, key.length() - 2) + (last == 'A' ? 'B' : 'A') + key.charAt(key.length() - 1);

		for (String tampered : List.of(extended, badSignature, "garbage", key + "x", key.replace('.', '_'))) {
			Api.Response checked = api.get("/api/v1/licenses/" + tampered);
			assertThat(checked.status()).as(tampered).isEqualTo(200);
			assertThat(checked.json().path("valid").asBoolean()).as(tampered).isFalse();
			assertThat(checked.json().path("expiresAt").isNull()).as(tampered).isTrue();
		}
		PublicKey publicKey = signingKeys.of(catalog.vendor(vendor.slug()).id()).publicKey();
		assertThat(verifies(extended, publicKey)).isFalse();
		assertThat(api.get("/api/v1/licenses/" + key).json().path("valid").asBoolean()).isTrue();
	}

	@Test
	void aLicenceIsInvalidOnceExpiredByTheInjectedClock() {
		TestVendor vendor = newVendor();
		String key = trial(vendor, unique("expiry") + "@example.net", null).json().path("licenseKey").asString();
		Instant expiresAt = trialManagement.check(key).expiresAt();
		assertThat(trialManagement.check(key).valid()).isTrue();

		TrialManagement afterExpiry = new TrialManagement(trialStore, signingKeys, catalog, tracking, partners,
				settings, Clock.offset(clock, Duration.ofDays(30).plusSeconds(5)));
		TrialManagement justBefore = new TrialManagement(trialStore, signingKeys, catalog, tracking, partners,
				settings, Clock.fixed(expiresAt.minusSeconds(1), clock.getZone()));
		assertThat(justBefore.check(key).valid()).isTrue();
		TrialManagement.LicenseStatus expired = afterExpiry.check(key);
		assertThat(expired.valid()).isFalse();
		assertThat(expired.sku()).isEqualTo("PROD");
		assertThat(expired.expiresAt()).isEqualTo(expiresAt);

		lifecycle.run(expiresAt.plusSeconds(1));
		assertThat(jdbc.sql("SELECT expired_at FROM trials WHERE license_key = ?").param(key).query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(expiresAt);
	}

	@Test
	void remindsOnceBeforeExpiryWithABuyLinkThatCarriesThePartnersReferral() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String email = unique("remind") + "@example.net";
		Api.Response issued = trial(vendor, email, partner.code());
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		Instant expiresAt = OffsetDateTime.parse(issued.json().path("expiresAt").asString()).toInstant();

		// a week before expiry nothing is due yet; two days before, the reminder is
		lifecycle.run(expiresAt.minus(Duration.ofDays(7)));
		assertThat(lifecycle.run(expiresAt.minus(Duration.ofDays(2)))).isPositive();
		MimeMessage reminder = mail().await(email);
		assertThat(reminder.getSubject()).contains("Product");
		String link = MailServer.link(reminder, "/r/");
		assertThat(link).startsWith("https://partners.example.test/r/");
		String code = link.substring(link.lastIndexOf('/') + 1);
		assertThat(tracking.findLink(code).orElseThrow().partnerId().toString()).isEqualTo(partner.id());

		// later runs, also by another node, send nothing more
		lifecycle.run(expiresAt.minus(Duration.ofDays(1)));
		lifecycle.run(expiresAt.minus(Duration.ofHours(1)));
		Thread.sleep(1500);
		assertThat(mail().to(email)).hasSize(1);
	}

	@Test
	void attributesALaterPurchaseToTheTrialsPartnerWithoutACookie() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		String email = unique("buyer") + "@example.net";
		assertThat(trial(vendor, email, linkCode(partner, vendor)).status()).isEqualTo(201);

		// the processor sends no referral and the checkout no cookie: the trial credits the partner
		Api.Response bought = order(vendor, unique("O"), email.toUpperCase(), "");
		assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
		assertThat(bought.json().path("partnerId").asString()).isEqualTo(partner.id());
		assertThat(jdbc.sql("SELECT attribution FROM orders WHERE order_id = ?")
			.param(bought.json().path("orderId").asString()).query(String.class).single()).isEqualTo("TRIAL");

		// a stranger's purchase stays unattributed; a partner's own link still beats the trial
		Api.Response stranger = order(vendor, unique("S"), unique("stranger") + "@example.net", "");
		assertThat(stranger.json().path("partnerId").isNull()).isTrue();
		Api.Response linked = order(vendor, unique("L"), email,
				"\"linkCode\":\"" + linkCode(other, vendor) + "\"");
		assertThat(linked.json().path("partnerId").asString()).isEqualTo(other.id());

		// the partner's statistics count the trial and its conversion; the other partner's do not
		String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
		var stats = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/stats?from=" + month + "&to=" + month)
			.json().get(0);
		assertThat(stats.path("trials").asLong()).isEqualTo(1);
		assertThat(stats.path("trialConversions").asLong()).isEqualTo(1);
		assertThat(other.api().get("/api/v1/partner/programs/" + vendor.slug() + "/stats?from=" + month + "&to=" + month)
			.json().get(0).path("trials").asLong()).isZero();

		// after the conversion window the trial credits nobody
		PartnerId credited = trialManagement.referringPartner(catalog.vendor(vendor.slug()).id(), email,
				List.of("PROD"), Instant.now().plus(Duration.ofDays(59))).orElseThrow();
		assertThat(credited.toString()).isEqualTo(partner.id());
		assertThat(trialManagement.referringPartner(catalog.vendor(vendor.slug()).id(), email, List.of("PROD"),
				Instant.now().plus(Duration.ofDays(61)))).isEmpty();
	}

	@Test
	void theProgramsTrialConversionWindowDecides() {
		TestVendor vendor = newVendor();
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/program", map("trialConversionDays", 10))
			.status()).isEqualTo(200);
		TestPartner partner = newPartner(vendor);
		String email = unique("window") + "@example.net";
		assertThat(trial(vendor, email, partner.code()).status()).isEqualTo(201);
		var vendorId = catalog.vendor(vendor.slug()).id();
		assertThat(trialManagement.referringPartner(vendorId, email, List.of("PROD"),
				Instant.now().plus(Duration.ofDays(9)))).isPresent();
		assertThat(trialManagement.referringPartner(vendorId, email, List.of("PROD"),
				Instant.now().plus(Duration.ofDays(11)))).isEmpty();
	}

	@Test
	void creditsATrialStartedWithThePartnerLinksCookie() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String location = api.get("/r/" + linkCode(partner, vendor)).header("Location");
		String clickId = location.substring(location.indexOf("plc=") + 4);
		String email = unique("cookie") + "@example.net";
		Api.Response issued = api.header("Cookie", "pl_ref=" + clickId)
			.post("/api/v1/trials", map("vendor", vendor.slug(), "sku", "PROD", "email", email));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT partner_id::text FROM trials WHERE email = ?").param(email).query(String.class)
			.single()).isEqualTo(partner.id());
		// a partner that is not in the vendor's program is not credited through its code
		TestVendor elsewhere = newVendor();
		TestPartner outsider = newPartner(elsewhere);
		String email2 = unique("outsider") + "@example.net";
		assertThat(trial(vendor, email2, outsider.code()).status()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT count(*) FROM trials WHERE email = ? AND partner_id IS NULL").param(email2)
			.query(Long.class).single()).isEqualTo(1);
	}

}
