package com.partnerline.communication;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.communication.CommunicationFixtures.Manager;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel and console pages keep to their tenant, filter the queue and speak the chosen language. */
class CommunicationPagesIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Test
	void pagesShowNoOtherPartnersTicketNorOtherVendorsQueue() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner owner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		String id = owner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", "Statement question", "category", "COMMISSIONS", "body", "Why 20 %?"))
			.json()
			.path("ticketId")
			.asString();

		Session intruder = Session.login(port, other.email(), Fixtures.PASSWORD);
		assertThat(intruder.get("/panel/programs/" + vendor.slug() + "/tickets/" + id).statusCode()).isEqualTo(404);
		intruder.get("/panel/programs/" + vendor.slug() + "/tickets");
		HttpResponse<String> reply = intruder.post("/panel/programs/" + vendor.slug() + "/tickets/" + id + "/messages",
				Map.of("body", "Let me in"));
		assertThat(reply.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM ticket_messages WHERE ticket_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(intruder.get("/panel/programs/" + vendor.slug() + "/tickets").body())
			.doesNotContain("Statement question");

		TestVendor second = newVendor();
		Manager stranger = CommunicationFixtures.manager(api, accounts, catalog, second);
		Session strangerSession = Session.login(port, stranger.email(), Fixtures.PASSWORD);
		assertThat(strangerSession.get("/console/vendors/" + vendor.slug() + "/tickets").statusCode()).isEqualTo(404);
		assertThat(strangerSession.get("/console/vendors/" + second.slug() + "/tickets/" + id).statusCode())
			.isEqualTo(404);
		assertThat(strangerSession.get("/console/vendors/" + vendor.slug() + "/announcements").statusCode())
			.isEqualTo(404);
	}

	@Test
	void queuePageFiltersAndSpeaksTheChosenLanguage() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", "Banner sizes", "category", "MARKETING", "body", "Which sizes?"));
		Session session = Session.login(port, manager.email(), Fixtures.PASSWORD);
		String queue = "/console/vendors/" + vendor.slug() + "/tickets";

		assertThat(session.get(queue + "?lang=en").body()).contains("Banner sizes").contains("1 ticket").doesNotContain("1 tickets");
		String filtered = session.get(queue + "?category=TECHNICAL").body();
		assertThat(filtered).doesNotContain("Banner sizes").contains("No ticket matches these filters.");
		assertThat(session.get(queue + "?lang=de").body()).contains("Support von Vendor " + vendor.slug())
			.contains("Marketing")
			.contains("lang=\"de\"");
		assertThat(session.get(queue + "?lang=fr").body()).contains("Support de Vendor " + vendor.slug());
		assertThat(session.get(queue + "?lang=ru").body()).contains("Поддержка Vendor " + vendor.slug());
	}

	/** A browser-like session: cookies kept, CSRF token taken from the last page. */
	static final class Session {

		private static final Pattern CSRF = Pattern
			.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

		final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		final String base;

		String csrf = "";

		Session(int port) {
			this.base = "http://127.0.0.1:" + port;
		}

		static Session login(int port, String email, String password) throws Exception {
			Session session = new Session(port);
			session.get("/login");
			HttpResponse<String> done = session.post("/login", Map.of("username", email, "password", password));
			assertThat(done.statusCode()).isEqualTo(302);
			assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return session;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			remember(response.body());
			return response;
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			remember(response.body());
			return response;
		}

		private void remember(String html) {
			Matcher matcher = CSRF.matcher(html);
			if (matcher.find()) {
				csrf = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
			}
		}

	}

}
