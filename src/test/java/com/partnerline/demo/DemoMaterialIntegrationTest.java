package com.partnerline.demo;

import java.util.HashSet;
import java.util.Set;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo vendor's partner support library, made through the enablement module's services on a fresh database. */
class DemoMaterialIntegrationTest extends IntegrationTest {

	@Test
	void theDemoPartnerFindsABelievableLibraryPoliciesPagesAndASeminar() {
		Api partner = api.as(Fixtures.token(api, DemoData.PARTNER_EMAIL, DemoData.PARTNER_PASSWORD));
		JsonNode items = partner.get("/api/v1/partner/programs/kaspersky/creatives").json();
		Set<String> sizes = new HashSet<>();
		Set<String> languages = new HashSet<>();
		int images = 0;
		int html = 0;
		int textLinks = 0;
		for (JsonNode item : items) {
			if (item.path("kind").asString().equals("BANNER")) {
				sizes.add(item.path("width").asInt() + "x" + item.path("height").asInt());
				languages.add(item.path("language").asString());
				assertThat(item.path("code").asString()).contains("https://partners.example.test/");
				if (item.path("format").asString().equals("HTML")) {
					html++;
				}
				else {
					images++;
					assertThat(api.get(item.path("url").asString().replace("https://partners.example.test", ""))
						.status()).isEqualTo(200);
				}
			}
			else if (item.path("kind").asString().equals("TEXT_LINK")) {
				textLinks++;
			}
		}
		assertThat(images).isGreaterThanOrEqualTo(4);
		assertThat(html).isGreaterThanOrEqualTo(1);
		assertThat(textLinks).isGreaterThanOrEqualTo(2);
		assertThat(sizes).contains("728x90", "300x250");
		assertThat(languages).contains("en", "de");

		JsonNode policies = partner.get("/api/v1/partner/programs/kaspersky/policies").json();
		Set<String> kinds = new HashSet<>();
		policies.forEach(p -> {
			kinds.add(p.path("kind").asString());
			assertThat(p.path("version").asInt()).isGreaterThanOrEqualTo(1);
		});
		assertThat(kinds).contains("PRICING", "TRADEMARK", "DOMAIN_NAMES");
		assertThat(partner.get("/api/v1/partner/programs/kaspersky/pages").json().size()).isGreaterThanOrEqualTo(2);
		JsonNode seminars = partner.get("/api/v1/partner/programs/kaspersky/seminars").json();
		assertThat(seminars.size()).isGreaterThanOrEqualTo(1);
		assertThat(seminars.get(0).path("eligible").asBoolean()).isFalse();
	}

}
