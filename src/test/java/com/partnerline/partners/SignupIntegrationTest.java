package com.partnerline.partners;

import com.partnerline.support.Api;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, email confirmation (expired and reused tokens) and password reset, over HTTP with real SMTP. */
class SignupIntegrationTest extends IntegrationTest {

	private static final String PASSWORD = "long-enough-secret";

	private Api.Response signUp(String email, String language) {
		return api.header("Accept-Language", language)
			.header("X-Forwarded-For", "203.0.113.7")
			.post("/api/v1/signup", map("email", email, "password", PASSWORD, "name", "Anna Example", "company",
					"Example GmbH", "country", "DE", "acceptTermsVersion", partners.platformTerms().version()));
	}

	@Test
	void signsUpConfirmsByMailAndThenLogsOn() throws Exception {
		String email = unique("anna") + "@example.org";
		Api.Response created = signUp(email, "de-DE,de;q=0.9");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("status").asString()).isEqualTo("PENDING_EMAIL");
		String partnerId = created.json().path("partnerId").asString();

		// Not before the email is confirmed.
		assertThat(api.post("/api/v1/auth/token", map("email", email, "password", PASSWORD)).status()).isEqualTo(401);

		MimeMessage mail = mail().await(email);
		assertThat(mail.getSubject()).isEqualTo("Bestätigen Sie Ihre E-Mail-Adresse für Partnerline");
		assertThat(MailServer.text(mail)).contains("Hallo Anna Example,").contains("24 Stunden");
		assertThat(MailServer.html(mail)).contains("<a href=\"http").contains("lang=\"de\"");
		String token = MailServer.token(mail, "/confirm?token=");

		Api.Response confirmed = api.post("/api/v1/signup/confirm", map("token", token));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().path("status").asString()).isEqualTo("ACTIVE");
		assertThat(api.post("/api/v1/auth/token", map("email", email, "password", PASSWORD)).status()).isEqualTo(200);

		// The link is single-use.
		Api.Response reused = api.post("/api/v1/signup/confirm", map("token", token));
		assertThat(reused.status()).isEqualTo(410);
		assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reused.json().path("detail").asString()).contains("/api/v1/signup/resend");
		assertThat(api.get("/confirm?token=" + token).status()).isEqualTo(410);

		// The acceptance of the platform terms is recorded with its version, time and address.
		var acceptance = jdbc.sql("SELECT version, client_address FROM terms_acceptances WHERE account_id = ?::uuid AND vendor_id IS NULL")
			.param(partnerId)
			.query()
			.singleRow();
		assertThat(acceptance.get("version")).isEqualTo(partners.platformTerms().version());
		assertThat(acceptance.get("client_address")).isEqualTo("203.0.113.7");
	}

	@Test
	void anExpiredLinkIsGoneAndANewMailCanBeAskedFor() {
		String email = unique("late") + "@example.org";
		assertThat(signUp(email, "en").status()).isEqualTo(201);
		String token = MailServer.token(mail().await(email), "/confirm?token=");
		jdbc.sql("UPDATE email_tokens SET expires_at = now() - interval '1 minute' WHERE account_id = (SELECT id FROM accounts WHERE email = ?)")
			.param(email)
			.update();

		assertThat(api.post("/api/v1/signup/confirm", map("token", token)).status()).isEqualTo(410);
		Api.Response page = api.get("/confirm?token=" + token);
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("action=\"/signup/resend\"");

		assertThat(api.post("/api/v1/signup/resend", map("email", email)).status()).isEqualTo(202);
		String fresh = MailServer.token(mail().await(email, 2, java.time.Duration.ofSeconds(15)), "/confirm?token=");
		assertThat(fresh).isNotEqualTo(token);
		assertThat(api.get("/confirm?token=" + fresh).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/auth/token", map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
	}

	@Test
	void refusesAStaleTermsVersionATakenEmailAndNamesEachBadField() {
		String email = unique("stale") + "@example.org";
		Api.Response stale = api.post("/api/v1/signup", map("email", email, "password", PASSWORD, "name", "N",
				"country", "DE", "acceptTermsVersion", "1999-01"));
		assertThat(stale.status()).isEqualTo(422);
		assertThat(stale.errorFields()).containsExactly("acceptTermsVersion");
		assertThat(jdbc.sql("SELECT count(*) FROM accounts WHERE email = ?").param(email).query(Long.class).single())
			.isZero();

		Api.Response bad = api.post("/api/v1/signup", map("email", "not-an-email", "password", "short", "country",
				"XX"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("email", "password", "name", "country",
				"acceptTermsVersion");

		assertThat(signUp(email, "en").status()).isEqualTo(201);
		assertThat(signUp(email.toUpperCase(), "en").status()).isEqualTo(409);
	}

	@Test
	void resetsAForgottenPasswordOnceByMail() {
		String email = unique("forgot") + "@example.org";
		assertThat(signUp(email, "fr").status()).isEqualTo(201);
		assertThat(api.get("/confirm?token=" + MailServer.token(mail().await(email), "/confirm?token=")).status())
			.isEqualTo(200);
		String oldToken = com.partnerline.support.Fixtures.token(api, email, PASSWORD);

		assertThat(api.post("/api/v1/password/reset-request", map("email", email)).status()).isEqualTo(202);
		MimeMessage mail = mail().await(email, 2, java.time.Duration.ofSeconds(15));
		assertThat(mail.toString()).isNotNull();
		String token = MailServer.token(mail, "/password/reset?token=");

		assertThat(api.post("/api/v1/password/reset", map("token", token, "password", "short")).status())
			.isEqualTo(422);
		assertThat(api.post("/api/v1/password/reset", map("token", token, "password", "a-brand-new-secret")).status())
			.isEqualTo(200);
		assertThat(api.post("/api/v1/password/reset", map("token", token, "password", "another-new-secret")).status())
			.isEqualTo(410);
		assertThat(api.post("/api/v1/auth/token", map("email", email, "password", "a-brand-new-secret")).status())
			.isEqualTo(200);
		// The old bearer token stopped working with the old password.
		assertThat(api.as(oldToken).get("/api/v1/partner/me").status()).isEqualTo(401);
		// Unknown addresses get the same answer, so the API does not tell who has an account.
		assertThat(api.post("/api/v1/password/reset-request", map("email", unique("nobody") + "@example.org")).status())
			.isEqualTo(202);
	}

}
