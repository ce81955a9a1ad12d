package com.partnerline.enablement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The material library through the API: versions, the partner's own tracking link in the copied code, impressions, hostile uploads. */
class MaterialLibraryIntegrationTest extends IntegrationTest {

	@Autowired
	Impressions impressions;

	private Api.Response upload(TestVendor vendor, Map<String, String> fields, String fileName, byte[] bytes) {
		return Uploads.post(port, ADMIN_TOKEN, "/api/v1/admin/vendors/" + vendor.slug() + "/creatives", fields,
				fileName, bytes);
	}

	private long versions(TestVendor vendor) {
		return jdbc.sql("SELECT count(*) FROM creative_versions v JOIN vendors d ON d.id = v.vendor_id WHERE d.slug = ?")
			.params(vendor.slug())
			.query(Long.class)
			.single();
	}

	@Test
	void copiedBannerCodeCarriesThePartnersOwnTrackingLinkAndCountsImpressions() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner alice = newPartner(vendor);
		TestPartner bob = newPartner(vendor);
		Api.Response created = upload(vendor, Map.of("name", "Leaderboard", "kind", "BANNER", "targetUrl",
				"https://" + vendor.slug() + ".example.com/antivirus", "product", "PROD", "language", "en"),
				"leaderboard.png", Uploads.png(728, 90));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("version").asInt()).isEqualTo(1);
		assertThat(created.json().path("width").asInt()).isEqualTo(728);
		assertThat(created.json().path("height").asInt()).isEqualTo(90);
		assertThat(created.json().path("sha256").asString()).hasSize(64);

		Api.Response list = alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives?product=PROD&language=en");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		JsonNode banner = list.json().get(0);
		assertThat(banner.path("creativeId").asString()).isEqualTo(created.json().path("creativeId").asString());
		assertThat(banner.path("kind").asString()).isEqualTo("BANNER");
		String code = banner.path("code").asString();
		assertThat(code).contains("href=\"https://partners.example.test/r/")
			.contains("src=\"https://partners.example.test/material/i/")
			.contains("width=\"728\"")
			.doesNotContain("127.0.0.1");
		String linkCode = code.replaceAll("(?s).*/r/([A-Za-z0-9_-]+)\".*", "$1");

		// the link is Alice's: it redirects to the banner's target and the tracking module knows its partner
		Api.Response redirect = api.get("/r/" + linkCode);
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.header("Location")).startsWith("https://" + vendor.slug() + ".example.com/antivirus");
		assertThat(jdbc.sql("SELECT partner_id::text FROM links WHERE code = ?").params(linkCode).query(String.class).single())
			.isEqualTo(alice.id());
		// the same code again, and another code for Bob
		assertThat(alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json().get(0).path("code").asString())
			.isEqualTo(code);
		assertThat(bob.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json().get(0).path("code").asString())
			.isNotEqualTo(code);
		// filters
		assertThat(alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives?language=de").json().size())
			.isZero();

		// the image behind the code is served without active content and counts impressions
		HttpResponse<byte[]> image = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/material/i/" + linkCode)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(image.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("sandbox");
		assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(Arrays.equals(image.body(), Uploads.png(728, 90))).isTrue();
		api.get("/material/i/" + linkCode);
		impressions.flush();
		JsonNode counted = alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json().get(0);
		assertThat(counted.path("impressions").asLong()).isEqualTo(2);
		assertThat(counted.path("clicks").asLong()).isEqualTo(1);
		assertThat(bob.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json().get(0).path("impressions").asLong())
			.isZero();
	}

	@Test
	void anUploadUnderTheSameNameIsTheNextVersion() {
		TestVendor vendor = newVendor();
		Map<String, String> fields = Map.of("name", "Skyscraper", "kind", "BANNER", "targetUrl",
				"https://" + vendor.slug() + ".example.com/");
		Api.Response first = upload(vendor, fields, "a.png", Uploads.png(120, 600));
		Api.Response second = upload(vendor, fields, "b.png", Uploads.png(160, 600));
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(second.json().path("creativeId").asString()).isEqualTo(first.json().path("creativeId").asString());
		assertThat(second.json().path("version").asInt()).isEqualTo(2);
		TestPartner partner = newPartner(vendor);
		JsonNode listed = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json();
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).path("version").asInt()).isEqualTo(2);
		assertThat(listed.get(0).path("width").asInt()).isEqualTo(160);
		// the first version stays as it was
		assertThat(api.get("/material/" + first.json().path("creativeId").asString() + "/v1").status()).isEqualTo(200);
	}

	@Test
	void refusesHostileUploadsAndStoresNothing() {
		TestVendor vendor = newVendor();
		Map<String, String> banner = Map.of("name", "Hostile", "kind", "BANNER", "targetUrl",
				"https://" + vendor.slug() + ".example.com/");
		String svgWithScript = """
				<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
				  <rect width="100" height="100" fill="red"/><script>alert(document.cookie)</script></svg>""";
		Api.Response svg = upload(vendor, banner, "banner.svg", svgWithScript.getBytes());
		assertThat(svg.status()).as(svg.toString()).isIn(415, 422);
		String svgWithHandler = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>";
		assertThat(upload(vendor, banner, "banner.svg", svgWithHandler.getBytes()).status()).isIn(415, 422);

		byte[] executable = new byte[4096];
		executable[0] = 'M';
		executable[1] = 'Z';
		executable[0x3c] = (byte) 0x80;
		executable[0x80] = 'P';
		executable[0x81] = 'E';
		Api.Response renamed = upload(vendor, banner, "banner.png", executable);
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(415);
		byte[] elf = new byte[2048];
		System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1 }, 0, elf, 0, 7);
		assertThat(upload(vendor, banner, "banner.gif", elf).status()).isEqualTo(415);

		String html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>";
		assertThat(upload(vendor, banner, "banner.png", html.getBytes()).status()).isIn(415, 422);

		byte[] png = Uploads.png(300, 250);
		byte[] truncated = Arrays.copyOf(png, png.length / 2);
		assertThat(upload(vendor, banner, "broken.png", truncated).status()).isEqualTo(415);

		byte[] oversized = new byte[6 * 1024 * 1024];
		System.arraycopy(png, 0, oversized, 0, png.length);
		Api.Response large = upload(vendor, banner, "large.png", oversized);
		assertThat(large.status()).as(large.toString()).isEqualTo(413);
		assertThat(large.header("Content-Type")).startsWith("application/problem+json");

		Api.Response elsewhere = upload(vendor,
				Map.of("name", "Elsewhere", "kind", "BANNER", "targetUrl", "https://evil.example.net/"), "a.png", png);
		assertThat(elsewhere.status()).isEqualTo(422);
		assertThat(elsewhere.errorFields()).contains("targetUrl");

		assertThat(versions(vendor)).isZero();
	}

	@Test
	void aCleanSvgAndDocumentsAreServedWithoutActiveContent() {
		TestVendor vendor = newVendor();
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"88\" height=\"31\"><rect width=\"88\" height=\"31\" fill=\"#0b6e4f\"/></svg>";
		Api.Response created = upload(vendor, Map.of("name", "Button", "kind", "BANNER", "targetUrl",
				"https://" + vendor.slug() + ".example.com/"), "button.svg", svg.getBytes());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api.Response served = api.get("/material/" + created.json().path("creativeId").asString() + "/v1");
		assertThat(served.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(served.header("Content-Security-Policy")).startsWith("sandbox");

		byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
		Api.Response document = upload(vendor, Map.of("name", "Style guide", "kind", "DOCUMENT"), "style.pdf", pdf);
		assertThat(document.status()).as(document.toString()).isEqualTo(201);
		Api.Response download = api.get("/material/" + document.json().path("creativeId").asString() + "/v1");
		assertThat(download.header("Content-Type")).startsWith("application/pdf");
		assertThat(download.header("Content-Disposition")).startsWith("attachment");
	}

	@Test
	void textLinksCarryThePartnersTrackingLinkAndPartnersSeeOnlyTheirPrograms() {
		TestVendor vendor = newVendor();
		TestVendor other = newVendor();
		Api.Response saved = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/text-links/home",
				map("text", "Best antivirus", "targetUrl", "https://" + vendor.slug() + ".example.com/home"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/text-links/bad",
				map("text", "x", "targetUrl", "javascript:alert(1)")).status()).isEqualTo(422);
		TestPartner partner = newPartner(vendor);
		JsonNode items = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json();
		assertThat(items.size()).isEqualTo(1);
		assertThat(items.get(0).path("kind").asString()).isEqualTo("TEXT_LINK");
		assertThat(items.get(0).path("code").asString()).startsWith("<a href=\"https://partners.example.test/r/")
			.endsWith(">Best antivirus</a>");
		assertThat(partner.api().get("/api/v1/partner/programs/" + other.slug() + "/creatives").status()).isEqualTo(404);
	}

}
