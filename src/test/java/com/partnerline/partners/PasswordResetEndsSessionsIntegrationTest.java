package com.partnerline.partners;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerline.support.Fixtures;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whoever learnt the old password may hold a web session or a bearer token opened
 * with it: a password reset ends them all.
 */
class PasswordResetEndsSessionsIntegrationTest extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void resetEndsEveryWebSessionAndBearerTokenOfTheAccount() throws Exception {
		var partner = newPartner(newVendor());
		HttpClient first = logIn(partner.email());
		HttpClient second = logIn(partner.email());
		assertThat(get(first, "/panel/programs").statusCode()).isEqualTo(200);
		assertThat(get(second, "/panel/programs").statusCode()).isEqualTo(200);
		String bearer = Fixtures.token(api, partner.email(), Fixtures.PASSWORD);

		assertThat(api.post("/api/v1/password/reset-request", map("email", partner.email())).status()).isEqualTo(202);
		String token = MailServer.token(mail().await(partner.email()), "/password/reset?token=");
		assertThat(api.post("/api/v1/password/reset", map("token", token, "password", "a-brand-new-secret")).status())
			.isEqualTo(200);

		// both sessions are gone: the panel sends them to log on again
		for (HttpClient session : new HttpClient[] { first, second }) {
			HttpResponse<String> panel = get(session, "/panel");
			assertThat(panel.statusCode()).isEqualTo(302);
			assertThat(panel.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		}
		assertThat(api.as(bearer).get("/api/v1/partner/me").status()).isEqualTo(401);
		assertThat(api.as(partner.token()).get("/api/v1/partner/me").status()).isEqualTo(401);
		assertThat(get(logIn(partner.email(), "a-brand-new-secret"), "/panel/programs").statusCode()).isEqualTo(200);
	}

	private HttpClient logIn(String email) throws Exception {
		return logIn(email, Fixtures.PASSWORD);
	}

	private HttpClient logIn(String email, String password) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Matcher csrf = CSRF.matcher(get(client, "/login").body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> done = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		return client;
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
