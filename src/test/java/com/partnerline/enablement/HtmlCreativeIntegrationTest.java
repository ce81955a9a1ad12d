package com.partnerline.enablement;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTML5 banners through the API: hostile ones refused with 422 naming the problem and
 * nothing stored; a clean one stored rebuilt, served only under a sandboxing policy, and
 * copied by a partner as an {@code <iframe sandbox>} whose links are its tracking link.
 */
class HtmlCreativeIntegrationTest extends IntegrationTest {

	@Autowired
	Impressions impressions;

	private Api.Response upload(TestVendor vendor, String name, String html) {
		return Uploads.post(port, ADMIN_TOKEN, "/api/v1/admin/vendors/" + vendor.slug() + "/creatives",
				Map.of("name", name, "kind", "BANNER", "targetUrl", "https://" + vendor.slug() + ".example.com/buy",
						"language", "en"),
				"banner.html", html.getBytes(StandardCharsets.UTF_8));
	}

	private long versions(TestVendor vendor) {
		return jdbc.sql("SELECT count(*) FROM creative_versions v JOIN vendors d ON d.id = v.vendor_id WHERE d.slug = ?")
			.params(vendor.slug())
			.query(Long.class)
			.single();
	}

	static String banner(String head, String body) {
		return HtmlCreativesUnitTest.banner(head, body);
	}

	@Test
	void refusesHostileHtmlWithA422NamingTheProblemAndStoresNothing() {
		TestVendor vendor = newVendor();
		Map<String, String[]> hostile = Map.of(
				"script", new String[] { banner("", "<script>alert(1)</script>"), "script" },
				"onerror", new String[] { banner("", "<img src=\"x\" onerror=\"alert(1)\">"), "event handler" },
				"javascript", new String[] { banner("", "<a href=\"javascript:alert(1)\">Buy</a>"), "javascript:" },
				"refresh", new String[] { banner("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", "<p>x</p>"), "refresh" },
				"iframe", new String[] { banner("", "<iframe src=\"https://evil.example/\"></iframe>"), "frame" },
				"form", new String[] { banner("", "<form><input name=\"card\"></form>"), "form" },
				"css", new String[] { banner("<link rel=\"stylesheet\" href=\"https://evil.example/a.css\">", "<p>x</p>"), "style sheet" },
				"font", new String[] { banner("<style>@font-face{font-family:x;src:url(https://evil.example/f.woff)}</style>", "<p>x</p>"), "font" },
				"svg", new String[] { banner("", "<svg><circle r=\"4\"/></svg>"), "SVG" });
		hostile.forEach((what, html) -> {
			Api.Response refused = upload(vendor, "Hostile " + what, html[0]);
			assertThat(refused.status()).as(what + ": " + refused).isEqualTo(422);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.errorFields()).as(what).containsExactly("file");
			assertThat(refused.json().path("detail").asString()).as(what).contains(html[1]);
			assertThat(refused.json().path("errors").get(0).path("message").asString()).as(what).contains(html[1]);
		});
		assertThat(versions(vendor)).isZero();
	}

	@Test
	void servesACleanHtmlBannerSandboxedAndThePartnersCodeFramesItWithItsTrackingLink() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner alice = newPartner(vendor);
		TestPartner bob = newPartner(vendor);
		String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(Uploads.png(40, 40));
		Api.Response created = upload(vendor, "Spring sale HTML5",
				banner("<style>.box{background:#0b6e4f;color:#fff}</style>",
						"<div class=\"box\" data-x=\"1\"><img src=\"" + image + "\" alt=\"Box\"><p>-30% this week</p>"
								+ "<a href=\"https://elsewhere.example/\">Buy now</a></div>"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("width").asInt()).isEqualTo(300);
		assertThat(created.json().path("height").asInt()).isEqualTo(250);
		String id = created.json().path("creativeId").asString();

		// the vendor's preview address: the rebuilt file under the sandboxing policy
		Api.Response preview = api.get("/material/" + id + "/v1");
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.header("Content-Type")).startsWith("text/html");
		assertThat(preview.header("Content-Security-Policy"))
			.isEqualTo("sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'");
		assertThat(preview.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(preview.header("Content-Disposition")).isNull();
		assertThat(preview.header("X-Frame-Options")).isNull();
		assertThat(preview.header("Set-Cookie")).isNull();
		assertThat(preview.body()).contains("-30% this week", image, "href=\"https://" + vendor.slug() + ".example.com/buy\"")
			.doesNotContain("data-x", "elsewhere.example");

		// the partner's code: an iframe sandbox from the public address, never this request's host
		JsonNode item = alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json().get(0);
		assertThat(item.path("format").asString()).isEqualTo("HTML");
		String code = item.path("code").asString();
		assertThat(code).startsWith("<iframe src=\"https://partners.example.test/material/h/")
			.contains("width=\"300\" height=\"250\"", "sandbox=\"allow-popups allow-popups-to-escape-sandbox\"",
					"title=\"Spring sale HTML5\"")
			.doesNotContain("127.0.0.1", "allow-scripts", "allow-same-origin");
		String linkCode = code.replaceAll("(?s).*/material/h/([A-Za-z0-9_-]+)\".*", "$1");
		assertThat(item.path("trackingLink").asString()).isEqualTo("https://partners.example.test/r/" + linkCode);

		// what the frame shows: every link is Alice's tracking link, in a new window
		Api.Response embedded = api.get("/material/h/" + linkCode);
		assertThat(embedded.status()).isEqualTo(200);
		assertThat(embedded.header("Content-Type")).startsWith("text/html");
		assertThat(embedded.header("Content-Security-Policy")).startsWith("sandbox ")
			.contains("default-src 'none'", "img-src 'self' data:", "style-src 'unsafe-inline'")
			.doesNotContain("allow-scripts", "allow-same-origin");
		assertThat(embedded.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(embedded.header("X-Frame-Options")).isNull();
		assertThat(embedded.body())
			.contains("<a href=\"https://partners.example.test/r/" + linkCode + "\" target=\"_blank\" rel=\"noopener\">Buy now</a>")
			.doesNotContain(vendor.slug() + ".example.com", "<script");
		Api.Response redirect = api.get("/r/" + linkCode);
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.header("Location")).startsWith("https://" + vendor.slug() + ".example.com/buy");
		// an image address does not serve HTML, an HTML address does not serve images
		assertThat(api.get("/material/i/" + linkCode).status()).isEqualTo(404);

		impressions.flush();
		assertThat(alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json().get(0)
			.path("impressions").asLong()).isEqualTo(1);
		assertThat(bob.api().get("/api/v1/partner/programs/" + vendor.slug() + "/creatives").json().get(0)
			.path("impressions").asLong()).isZero();
	}

}
