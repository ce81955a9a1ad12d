package com.partnerline.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Form login keeps its session in PostgreSQL (spring_session), so any node can serve the next request. */
class SessionStoreIntegrationTest extends IntegrationTest {

	@Test
	void aFormLoginSessionIsStoredInPostgresql() throws Exception {
		var partner = newPartner(newVendor());
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://127.0.0.1:" + port;
		String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(partner.email(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(com.partnerline.support.Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ csrf.group(1);
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/panel");

		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
			.param(partner.email())
			.query(Long.class)
			.single()).isEqualTo(1);
		HttpResponse<String> panel = client.send(HttpRequest.newBuilder(URI.create(base + "/panel/programs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains(partner.code());
	}

}
