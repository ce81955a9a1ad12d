package com.partnerline.tracking;

import java.util.List;
import java.util.Map;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingIntegrationTest extends IntegrationTest {

	String link(TestPartner partner, TestVendor vendor, Object... fields) {
		Map<String, Object> body = map(fields);
		body.put("vendor", vendor.slug());
		Api.Response created = partner.api().post("/api/v1/partner/links", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("url").asString()).endsWith("/r/" + created.json().path("code").asString());
		return created.json().path("code").asString();
	}

	Map<String, Object> click(String clickId) {
		return jdbc.sql("SELECT * FROM clicks WHERE click_id = ?").param(clickId).query().singleRow();
	}

	static String clickIdOf(Api.Response redirect) {
		String location = redirect.header("Location");
		return location.substring(location.indexOf("plc=") + 4).replaceAll("[#&].*", "");
	}

	@Test
	void redirectsToTheProductWithTheClickIdAndCookieAndRecordsTheClick() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = link(partner, vendor, "sku", "PROD", "subId", "spring-mail");

		Api browser = api.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
			.header("Referer", "https://blog.example.org/post");
		Api.Response redirect = browser.get("/r/" + code);
		assertThat(redirect.status()).isEqualTo(302);
		String clickId = clickIdOf(redirect);
		assertThat(redirect.header("Location"))
			.isEqualTo("https://" + vendor.slug() + ".example.com/buy?sku=PROD&plc=" + clickId);
		assertThat(redirect.header("Set-Cookie")).startsWith("pl_ref=" + clickId + ";")
			.contains("Max-Age=2592000", "HttpOnly", "SameSite=Lax", "Path=/");

		Map<String, Object> click = click(clickId);
		assertThat(click.get("link_code")).isEqualTo(code);
		assertThat(click.get("partner_id").toString()).isEqualTo(partner.id());
		assertThat(click.get("sub_id")).isEqualTo("spring-mail");
		assertThat(click.get("user_agent")).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
		assertThat(click.get("referrer")).isEqualTo("https://blog.example.org/post");
		assertThat(click.get("bot")).isEqualTo(false);
		assertThat(click.get("counted")).isEqualTo(true);
		assertThat((String) click.get("address_hash")).hasSize(32).doesNotContain("127.0.0.1");
		assertThat(jdbc.sql("SELECT count(*) FROM clicks WHERE address_hash LIKE '%127.0%' OR user_agent LIKE '%127.0.0.1%'")
			.query(Long.class)
			.single()).isZero();

		Api.Response repeat = browser.get("/r/" + code);
		assertThat(repeat.status()).isEqualTo(302);
		assertThat(click(clickIdOf(repeat)).get("counted")).isEqualTo(false);

		Api.Response bot = api.header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)").get("/r/" + link(partner, vendor, "sku", "PROD"));
		Map<String, Object> botClick = click(clickIdOf(bot));
		assertThat(botClick.get("bot")).isEqualTo(true);
		assertThat(botClick.get("counted")).isEqualTo(false);
	}

	@Test
	void keepsTheQueryAndFragmentOfADeepLink() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = link(partner, vendor, "targetUrl", "https://" + vendor.slug().toUpperCase() + ".example.com/p/x?lang=de#buy");
		Api.Response redirect = api.get("/r/" + code);
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.header("Location")).matches(
				"https://" + vendor.slug() + "\\.example\\.com/p/x\\?lang=de&plc=[A-Za-z0-9]{18}#buy");
	}

	@Test
	void refusesTargetsOutsideTheAllowedDomains() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String host = vendor.slug() + ".example.com";
		List<String> refused = List.of("javascript:alert(1)", "JavaScript://" + host + "/%0aalert(1)",
				"http://" + host + "/", "//" + host + "/", "https://" + host + ".evil.test/",
				"https://evil.test/" + host, "https://" + host + "@evil.test/", "https://user:pw@" + host + "/",
				"https://www." + host + "/", "https://" + host + "./", "https://" + host + ":8443/",
				"https://" + host + "\\@evil.test/", "https://" + host.replace('.', '-') + "/",
				"https://" + host.replace("example", "examp1e") + "/", "https://" + host + "/ x",
				"data:text/html,hi", "ftp://" + host + "/");
		for (String url : refused) {
			Api.Response response = partner.api()
				.post("/api/v1/partner/links", map("vendor", vendor.slug(), "targetUrl", url));
			assertThat(response.status()).as(url).isEqualTo(422);
			assertThat(response.errorFields()).as(url).containsExactly("targetUrl");
		}
		Api.Response nothing = partner.api().post("/api/v1/partner/links", map("vendor", vendor.slug()));
		assertThat(nothing.status()).isEqualTo(422);
		assertThat(nothing.errorFields()).containsExactly("targetUrl");
		Api.Response badFields = partner.api()
			.post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "NOPE", "subId", "<script>"));
		assertThat(badFields.status()).isEqualTo(422);
		assertThat(badFields.errorFields()).containsExactlyInAnyOrder("sku", "subId");
		assertThat(jdbc.sql("SELECT count(*) FROM links WHERE partner_id = ?::uuid").param(partner.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void answersAnUnknownCodeWithA404Page() {
		Api.Response response = api.header("Accept", "text/html").get("/r/NoSuchCode1");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(response.body()).contains("Link not found");
		assertThat(api.header("Accept-Language", "de").header("Accept", "text/html").get("/r/NoSuch").body())
			.contains("Link nicht gefunden");
	}

	@Test
	void setsTheCookieForTheProgramsCookieWindow() {
		TestVendor vendor = newVendor();
		setCookieWindow(vendor, 7);
		TestPartner partner = newPartner(vendor);
		Api.Response redirect = api.get("/r/" + link(partner, vendor, "sku", "PROD"));
		assertThat(redirect.header("Set-Cookie")).contains("Max-Age=604800");
	}

	@Test
	void letsOnlyMembersMakeLinksAndShowsEachPartnerOnlyItsOwn() {
		TestVendor vendor = newVendor();
		TestVendor other = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner stranger = newPartner(other);
		link(partner, vendor, "sku", "PROD");
		assertThat(stranger.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD")).status())
			.isEqualTo(404);
		assertThat(stranger.api().get("/api/v1/partner/links?vendor=" + vendor.slug()).status()).isEqualTo(404);
		assertThat(partner.api().get("/api/v1/partner/links?vendor=" + vendor.slug()).json()).hasSize(1);
		assertThat(api.post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD")).status())
			.isEqualTo(401);
	}

	@Test
	void assignsCouponsOnlyToMembers() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner stranger = newPartner(newVendor());
		Api.Response assigned = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/coupons/spring26",
				map("partnerId", partner.id()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(assigned.json().path("code").asString()).isEqualTo("SPRING26");
		assertThat(assigned.json().path("partnerId").asString()).isEqualTo(partner.id());
		Api.Response refused = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/coupons/OTHER",
				map("partnerId", stranger.id()));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactly("partnerId");
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/coupons/bad%20code", map("partnerId", "x"))
			.errorFields()).containsExactlyInAnyOrder("code", "partnerId");
		assertThat(partner.api().put("/api/v1/admin/vendors/" + vendor.slug() + "/coupons/MINE",
				map("partnerId", partner.id())).status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/coupons").json()).hasSize(1);
	}

}
