package com.partnerline.notifications;

import com.partnerline.support.Api;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an SMTP host the outbox is readable at {@code /dev/mail}, but only from this
 * machine: the mails hold reset tokens. The test client connects from 127.0.0.1, an
 * internal proxy whose {@code X-Forwarded-For} is believed, so a forwarded address
 * stands for a client elsewhere.
 */
@TestPropertySource(properties = "spring.mail.host=")
class DevMailIntegrationTest extends IntegrationTest {

	@Test
	void showsTheOutboxToLoopbackClientsOnly() {
		String email = unique("devmail") + "@example.org";
		assertThat(api.post("/api/v1/signup", map("email", email, "password", "long-enough-secret", "name", "Dev Reader",
				"country", "FR", "acceptTermsVersion", partners.platformTerms().version())).status()).isBetween(200, 202);

		Api.Response page = api.get("/dev/mail?to=" + email);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(email).contains("Confirm your email address for Partnerline")
			.contains("/confirm?token=");

		for (String elsewhere : new String[] { "203.0.113.9", "10.1.2.3", "2001:db8::1" }) {
			Api.Response refused = api.header("X-Forwarded-For", elsewhere).get("/dev/mail?to=" + email);
			assertThat(refused.status()).as(elsewhere).isEqualTo(404);
			assertThat(refused.body()).as(elsewhere).doesNotContain(email).doesNotContain("token=");
		}
	}

}
