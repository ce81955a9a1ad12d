package com.partnerline.notifications;

import java.time.Duration;
import java.util.Map;

import com.partnerline.support.Api;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox: no mail is lost while the mail server is down, none is sent for a rolled-back change. */
class OutboxIntegrationTest extends IntegrationTest {

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void keepsMailWhileTheServerIsDownAndDeliversItWhenItIsBack() throws Exception {
		String email = unique("outage") + "@example.org";
		mail().stop();
		try {
			Api.Response created = api.header("Accept-Language", "ru")
				.post("/api/v1/signup", map("email", email, "password", "long-enough-secret", "name", "Ivan",
						"country", "RU", "acceptTermsVersion", partners.platformTerms().version()));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			awaitAttempts(email);
			var row = jdbc.sql("SELECT status, last_error FROM mail_outbox WHERE recipient = ?").param(email).query().singleRow();
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat(row.get("last_error")).isNotNull();
		}
		finally {
			mail().restart();
		}
		MimeMessage delivered = mail().await(email, 1, Duration.ofSeconds(20));
		assertThat(delivered.getSubject()).isEqualTo("Подтвердите адрес электронной почты для Partnerline");
		assertThat(MailServer.text(delivered)).contains("Здравствуйте, Ivan!");
		// the sender marks the mail SENT after the server took it: the row may lag the delivery a moment
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String status = null;
		while (!"SENT".equals(status) && System.nanoTime() < deadline) {
			status = jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = ?").param(email).query(String.class).single();
			Thread.sleep(50);
		}
		assertThat(status).isEqualTo("SENT");
		// Sent once, not once per retry.
		Thread.sleep(600);
		assertThat(mail().to(email)).hasSize(1);
	}

	@Test
	void queuesOnlyInsideATransactionAndNotForARolledBackOne() {
		String email = unique("rollback") + "@example.org";
		assertThatThrownBy(() -> mailer.send(new Mail(email, java.util.Locale.ENGLISH, "password-reset",
				Map.of("name", "X", "link", "http://x", "minutes", 60))))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			mailer.send(new Mail(email, java.util.Locale.ENGLISH, "password-reset",
					Map.of("name", "X", "link", "http://x", "minutes", 60)));
			throw new IllegalStateException("the change failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(email).query(Long.class).single())
			.isZero();
	}

	@Test
	void devMailDoesNotExistWhileAnSmtpHostIsSet() {
		String email = unique("devmail") + "@example.org";
		api.post("/api/v1/signup", map("email", email, "password", "long-enough-secret", "name", "Dev Reader",
				"country", "FR", "acceptTermsVersion", partners.platformTerms().version()));
		Api.Response page = api.get("/dev/mail?to=" + email);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).doesNotContain(email);
	}

	private void awaitAttempts(String email) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Integer attempts = jdbc.sql("SELECT attempts FROM mail_outbox WHERE recipient = ?")
				.param(email)
				.query(Integer.class)
				.optional()
				.orElse(0);
			if (attempts >= 2) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The sender did not try to deliver the mail to " + email);
	}

}
