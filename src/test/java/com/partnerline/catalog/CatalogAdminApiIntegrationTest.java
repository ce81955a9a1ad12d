package com.partnerline.catalog;

import java.util.List;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogAdminApiIntegrationTest extends IntegrationTest {

	@Test
	void createsVendorOnceAndReturnsItsSecretOnlyOnCreation() {
		String slug = unique("acme");
		Api.Response created = admin.put("/api/v1/admin/vendors/" + slug,
				map("name", "Acme", "timeZone", "Europe/Berlin", "currency", "EUR", "allowedDomains", List.of("Shop.Acme.com")));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.json().path("processorSecret").asString()).hasSize(64);
		assertThat(created.json().path("allowedDomains").get(0).asString()).isEqualTo("shop.acme.com");

		Api.Response updated = admin.put("/api/v1/admin/vendors/" + slug, map("name", "Acme GmbH", "timeZone",
				"Europe/Berlin", "currency", "EUR", "allowedDomains", List.of("shop.acme.com")));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().has("processorSecret")).isFalse();
		assertThat(admin.get("/api/v1/admin/vendors/" + slug).json().path("vendor").path("name").asString())
			.isEqualTo("Acme GmbH");
	}

	@Test
	void namesEveryBadFieldOfAVendor() {
		Api.Response response = admin.put("/api/v1/admin/vendors/" + unique("bad"), map("name", "", "timeZone",
				"Mars/Olympus", "currency", "usd", "allowedDomains", List.of("ok.example.com", "javascript:alert(1)")));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.errorFields()).containsExactlyInAnyOrder("name", "timeZone", "currency",
				"allowedDomains[1]");
	}

	@Test
	void namesEveryBadFieldOfAProgramAndStoresNothing() {
		Fixtures.TestVendor vendor = newVendor();
		Api.Response response = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/program",
				map("bands", List.of(map("name", "A1", "from", 0, "rate", "150"), map("name", "", "from", -5, "rate", 0.2)),
						"cookieDays", 0, "minPayout", -1, "affiliateCap", 0.5, "internetCap", 0.4));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).contains("bands[0].rate", "bands[1].name", "bands[1].from", "cookieDays",
				"minPayout", "affiliateCap");
		Api.Response program = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/program");
		assertThat(program.json().path("cookieDays").asInt()).isEqualTo(30);
		assertThat(program.json().path("bands")).hasSize(5);
	}

	@Test
	void namesAValueOfTheWrongKind() {
		Fixtures.TestVendor vendor = newVendor();
		Api.Response response = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/program",
				"{\"cookieDays\": \"thirty\"}");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("cookieDays");
	}

	@Test
	void answersMalformedJsonWithBadRequestProblem() {
		Api.Response response = admin.put("/api/v1/admin/vendors/" + unique("broken"), "{\"name\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("title").asString()).isEqualTo("Bad request");
		assertThat(response.json().path("detail").asString()).contains("not valid JSON");
	}

	@Test
	void refusesCallsWithoutTheAdminToken() {
		String slug = unique("nobody");
		Api.Response anonymous = api.put("/api/v1/admin/vendors/" + slug, map("name", "Nobody"));
		Api.Response wrongToken = api.as("not-the-token").put("/api/v1/admin/vendors/" + slug, map("name", "Nobody"));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(wrongToken.status()).isEqualTo(401);
		assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);
		assertThat(admin.get("/api/v1/admin/vendors/" + slug).status()).isEqualTo(404);
	}

	@Test
	void refusesPartnersOnTheAdminApi() {
		Fixtures.TestVendor vendor = newVendor();
		Fixtures.TestPartner partner = newPartner(vendor);
		assertThat(partner.api().put("/api/v1/admin/vendors/" + vendor.slug() + "/program", map("cookieDays", 1)).status())
			.isEqualTo(403);
	}

	@Test
	void answersAMissingVendorWith404() {
		Api.Response response = admin.put("/api/v1/admin/vendors/" + unique("ghost") + "/products/X", map("name", "X",
				"price", "1.00"));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("detail").asString()).contains("ghost");
	}

	@Test
	void keepsProductsRatesAndProgramSettings() {
		Fixtures.TestVendor vendor = newVendor();
		String base = "/api/v1/admin/vendors/" + vendor.slug();
		assertThat(admin.put(base + "/products/SUITE-1",
				map("name", "Suite", "price", "849.99", "currency", "USD", "trialDays", 30)).status()).isEqualTo(200);
		assertThat(admin.put(base + "/fx/EUR/2026-11-01", map("rate", "1.0850")).status()).isEqualTo(200);
		assertThat(admin.put(base + "/fx/usd/2026-11-01", map("rate", "1")).errorFields()).containsExactly("currency");
		Api.Response program = admin.put(base + "/program", map("bands",
				List.of(map("name", "B1", "from", "0", "rate", "0.10"), map("name", "B2", "from", "1000", "rate", "40")),
				"cookieDays", 45, "minPayout", "25.00", "termsVersion", "2.0", "termsText", "New terms"));
		assertThat(program.status()).as(program.toString()).isEqualTo(200);
		assertThat(program.json().path("bands").get(1).path("rate").asString()).isEqualTo("0.4");
		assertThat(program.json().path("bands").get(1).path("internetOnly").asBoolean()).isTrue();
		Api.Response read = admin.get(base);
		assertThat(read.json().path("program").path("cookieDays").asInt()).isEqualTo(45);
		assertThat(read.json().path("products").toString()).contains("SUITE-1", "849.99");
		assertThat(api.get("/api/v1/vendors").json().toString()).contains(vendor.slug(), "2.0");
	}

	@Test
	void listsTheDemoVendorAndThePlatformTerms() {
		assertThat(api.get("/api/v1/vendors").json().toString()).contains("\"slug\":\"kaspersky\"");
		Api.Response terms = api.get("/api/v1/terms");
		assertThat(terms.json().path("version").asString()).isNotBlank();
		assertThat(terms.json().path("text").asString()).contains("Partnerline");
	}

	@Test
	void speaksTheCallersLanguageInProblems() {
		Api.Response response = admin.header("Accept-Language", "de").get("/api/v1/admin/vendors/" + unique("none"));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("title").asString()).isEqualTo("Nicht gefunden");
	}

}
