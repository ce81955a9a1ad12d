package com.partnerline.platform;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.partnerline.support.Api;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error contract of docs/api.md: every error of every path is a problem+json with
 * a {@code type}, in the caller's language, naming the bad field, never with a Java
 * class name; values the database cannot take are refused with 400 before they reach it.
 */
class ErrorContractIntegrationTest extends IntegrationTest {

	@Test
	void errorsOutsideControllersAreProblemsWithAType() throws Exception {
		assertProblem(api.get("/api/v1/no-such-thing"), 404);
		assertProblem(api.get("/api/v1/partner/me"), 401);
		assertProblem(api.send("POST", "/api/v1/signup", "email=x", "text/plain"), 415);
		assertProblem(api.send("DELETE", "/api/v1/terms", null, null), 405);
		var vendor = newVendor();
		var partner = newPartner(vendor);
		assertProblem(partner.api().get("/api/v1/partner/programs/no-such-vendor/statements/2026-01"), 404);
		assertProblem(api.post("/api/v1/signup/confirm", map("token", "no-such-token")), 410);
		String email = unique("taken") + "@example.org";
		api.post("/api/v1/signup", signup(email, "Taken"));
		assertProblem(api.post("/api/v1/signup", signup(email, "Again")), 409);
		// a browser asking for a page gets the page, not JSON
		Api.Response page = api.header("Accept", "text/html").get("/css/no-such-sheet.css");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.header("Content-Type")).startsWith("text/html");
	}

	@Test
	void jettyRefusalsOfMalformedAddressesAreProblemsToo() throws Exception {
		for (String path : new String[] { "/api/v1/vendors/a%00b", "/api/v1/vendors/..%2F..%2Fetc", "/%00",
				"/api/v1/%2e%2e/%2e%2e/x", "/api/v1/vendors/%ZZ" }) {
			String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(path).matches("(?s)HTTP/1.1 4\\d\\d .*");
			assertThat(answer).as(path).containsIgnoringCase("Content-Type: application/problem+json")
				.contains("\"type\":\"https://partnerline.dev/problems/")
				.doesNotContain("<html");
		}
	}

	@Test
	void controlCharactersAreRefusedNamingTheFieldBeforeTheDatabase() {
		String email = unique("nul") + "@example.org";
		Api.Response nul = api.post("/api/v1/signup", signup(email, "a\u0000b"));
		assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
		assertProblem(nul, 400);
		assertThat(nul.errorFields()).containsExactly("name");
		assertThat(nul.json().path("errors").get(0).path("message").asString()).contains("control characters");
		// nothing was stored, so the same email still signs up
		Api.Response fine = api.post("/api/v1/signup", signup(email, "Fine Name"));
		assertThat(fine.status()).as(fine.toString()).isBetween(200, 201);

		Api.Response bell = api.header("Accept-Language", "de").post("/api/v1/signup", signup(unique("bell") + "@example.org", "a\u0007b"));
		assertThat(bell.status()).isEqualTo(400);
		assertThat(bell.json().path("errors").get(0).path("message").asString()).contains("Steuerzeichen");

		Api.Response query = admin.get("/api/v1/admin/vendors/" + newVendor().slug() + "/proposals?status=a%00b");
		assertThat(query.status()).isEqualTo(400);
		assertThat(query.errorFields()).containsExactly("status");
	}

	@Test
	void numbersAndYearsNoColumnHoldsAreRefusedNamingTheField() {
		var vendor = newVendor();
		String fx = "/api/v1/admin/vendors/" + vendor.slug() + "/fx/EUR/2026-01-15";
		Api.Response overflow = admin.put(fx, "{\"rate\":1e999}");
		assertProblem(overflow, 400);
		assertThat(overflow.errorFields()).containsExactly("rate");
		Api.Response tiny = admin.put(fx, "{\"rate\":1e-999}");
		assertProblem(tiny, 400);
		assertThat(tiny.errorFields()).containsExactly("rate");

		var partner = newPartner(vendor);
		for (String year : new String[] { "+999999999", "10000" }) {
			Api.Response forecast = partner.api()
				.put("/api/v1/partner/programs/" + vendor.slug() + "/reports/forecast/" + year + "-01",
						map("anticipatedVolume", "100.00", "lines", java.util.List.of()));
			assertThat(forecast.status()).as(year + " " + forecast).isBetween(400, 499);
			assertProblem(forecast, forecast.status());
			Api.Response rate = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/fx/EUR/" + year + "-01-15",
					map("rate", "1.1"));
			assertThat(rate.status()).as(year + " " + rate).isBetween(400, 499);
			assertProblem(rate, rate.status());
		}
	}

	@Test
	void malformedBodiesAndParametersNameNoJavaTypes() {
		var vendor = newVendor();
		var partner = newPartner(vendor);
		Api.Response malformed = partner.api().put("/api/v1/partner/programs/" + vendor.slug() + "/reports/sales/2026-01",
				"{\"lines\": [ {\"sku\": ");
		assertProblem(malformed, 400);
		assertThat(malformed.body()).doesNotContain("com.partnerline").doesNotContain("$").doesNotContain("java.");
		Api.Response wrongShape = partner.api().put("/api/v1/partner/programs/" + vendor.slug() + "/reports/sales/2026-01",
				"[1, 2, 3]");
		assertThat(wrongShape.status()).isBetween(400, 422);
		assertProblem(wrongShape, wrongShape.status());
		assertThat(wrongShape.body()).doesNotContain("com.partnerline").doesNotContain("java.");

		Api.Response paging = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/proposals?page=-1&size=-1");
		assertProblem(paging, 400);
		assertThat(paging.errorFields()).containsExactlyInAnyOrder("page", "size");
		Api.Response notANumber = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/proposals?page=1e999");
		assertProblem(notANumber, 400);
		assertThat(notANumber.errorFields()).containsExactly("page");
		assertThat(notANumber.body()).doesNotContain("java.");
	}

	private Object signup(String email, String name) {
		return map("email", email, "password", "long-enough-secret", "name", name, "country", "FR",
				"acceptTermsVersion", partners.platformTerms().version());
	}

	static void assertProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).as(response.toString()).startsWith("https://partnerline.dev/problems/");
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
		assertThat(response.json().path("title").asString()).isNotBlank();
		assertThat(response.json().path("detail").asString()).isNotBlank().doesNotContain("Exception");
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

}
