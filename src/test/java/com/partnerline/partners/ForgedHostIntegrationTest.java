package com.partnerline.partners;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every absolute link the app hands out is on the configured public address
 * ({@code https://partners.example.test} in tests), whatever {@code Host} or
 * {@code X-Forwarded-Host} the request names: otherwise a forged host gets a
 * manager's password reset link, or a console link, mailed to point at the attacker.
 */
class ForgedHostIntegrationTest extends IntegrationTest {

	private static final String PUBLIC_URL = "https://partners.example.test";

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Test
	void resetLinkIgnoresAForgedHostHeader() throws Exception {
		String email = unique("reset") + "@example.org";
		accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Victim", Role.VENDOR_MANAGER, AccountStatus.ACTIVE,
				Locale.ENGLISH));
		String body = "{\"email\":\"" + email + "\"}";
		// Java's HTTP client will not send a Host of our choosing, so the request is written by hand.
		String answer = exchange("POST /api/v1/password/reset-request HTTP/1.1\r\nHost: attacker.example:8443\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
				+ body);
		assertThat(answer).startsWith("HTTP/1.1 202");
		assertThat(MailServer.link(mail().await(email), "/password/reset?token="))
			.startsWith(PUBLIC_URL + "/password/reset?token=");
	}

	@Test
	void resetLinkIgnoresAForwardedHostFromTheLocalProxy() {
		String email = unique("reset") + "@example.org";
		accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Victim", Role.PARTNER, AccountStatus.ACTIVE,
				Locale.ENGLISH));
		assertThat(api.header("X-Forwarded-Host", "attacker.example")
			.header("X-Forwarded-Proto", "http")
			.post("/api/v1/password/reset-request", map("email", email))
			.status()).isEqualTo(202);
		assertThat(MailServer.link(mail().await(email), "/password/reset?token="))
			.startsWith(PUBLIC_URL + "/password/reset?token=");
	}

	@Test
	void proposalMailToManagersAndPartnerLinksIgnoreAForwardedHost() {
		var vendor = newVendor();
		String managerEmail = unique("manager") + "@vendor.example";
		var manager = accounts.open(new NewAccount(managerEmail, Fixtures.PASSWORD, "Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(manager.id(), catalog.vendor(vendor.slug()).id().value());
		var partner = newPartner(vendor);
		Api forged = partner.api().header("X-Forwarded-Host", "evil.com");

		Api.Response proposal = forged.post("/api/v1/partner/programs/" + vendor.slug() + "/proposals",
				ProposalIntegrationTest.proposal("9000.00"));
		assertThat(proposal.status()).as(proposal.toString()).isEqualTo(201);
		assertThat(MailServer.link(mail().await(managerEmail), "/console/proposals/"))
			.isEqualTo(PUBLIC_URL + "/console/proposals/" + proposal.json().path("proposalId").asString());

		Api.Response link = forged.post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD"));
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		assertThat(link.json().path("url").asString())
			.isEqualTo(PUBLIC_URL + "/r/" + link.json().path("code").asString());
		forged.get("/api/v1/partner/links?vendor=" + vendor.slug())
			.json()
			.forEach(listed -> assertThat(listed.path("url").asString()).startsWith(PUBLIC_URL + "/r/"));
	}

	private String exchange(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}


}
