package com.partnerline.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP. Every node polls; {@code FOR UPDATE SKIP LOCKED}
 * gives each due mail to exactly one node, and the row stays locked until its
 * outcome is written, so no mail goes out twice. A failed mail waits an exponentially
 * growing time before the next attempt and is given up (FAILED) only after many.
 * Active only when {@code spring.mail.host} is set; otherwise mail stays in the
 * outbox and is shown at {@code /dev/mail}.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 25;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Clock clock;

	private final boolean active;

	private final String from;

	private final Duration retryBase;

	private final Duration retryMax;

	private final int maxAttempts;

	private final ObjectProvider<AttachmentSource> attachmentSources;

	OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mailSender,
			Clock clock, @Value("${spring.mail.host:}") String host,
			@Value("${partnerline.mail.from:Partnerline <no-reply@partnerline.example>}") String from,
			@Value("${partnerline.mail.retry-base:PT30S}") Duration retryBase,
			@Value("${partnerline.mail.retry-max:PT1H}") Duration retryMax,
			@Value("${partnerline.mail.max-attempts:30}") int maxAttempts,
			ObjectProvider<AttachmentSource> attachmentSources) {
		this.attachmentSources = attachmentSources;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mailSender = mailSender;
		this.clock = clock;
		this.active = !host.isBlank();
		this.from = from;
		this.retryBase = retryBase;
		this.retryMax = retryMax;
		this.maxAttempts = maxAttempts;
	}

	@Scheduled(fixedDelayString = "${partnerline.mail.poll-interval:PT5S}", initialDelayString = "PT1S")
	void deliverDue() {
		if (!active) {
			return;
		}
		try {
			Integer sent;
			do {
				sent = transactions.execute(status -> deliverBatch());
			}
			while (sent != null && sent == BATCH);
		}
		catch (RuntimeException ex) {
			// The database may be briefly unavailable; the next tick tries again.
			log.warn("Mail delivery round failed: {}", ex.toString());
		}
	}

	/** Sends one batch of due mails; returns how many were sent. */
	int deliverBatch() {
		Instant now = clock.instant();
		List<Pending> due = jdbc.sql("""
				SELECT id, recipient, locale, subject, text_body, html_body, attempts FROM mail_outbox
				WHERE status = 'PENDING' AND next_attempt_at <= ?
				ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(now), BATCH)
			.query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("recipient"),
					Locale.forLanguageTag(rs.getString("locale")), rs.getString("subject"),
					rs.getString("text_body"), rs.getString("html_body"), rs.getInt("attempts")))
			.list();
		int sent = 0;
		for (Pending mail : due) {
			try {
				deliver(mail);
				jdbc.sql("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?")
					.params(Timestamp.from(clock.instant()), mail.id())
					.update();
				sent++;
			}
			catch (Exception ex) {
				int attempts = mail.attempts() + 1;
				String status = attempts >= maxAttempts ? "FAILED" : "PENDING";
				Instant next = clock.instant().plus(backoff(attempts));
				jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
					.params(status, attempts, Timestamp.from(next), String.valueOf(ex.getMessage()), mail.id())
					.update();
				log.info("Mail {} to {} not delivered (attempt {}), next try at {}: {}", mail.id(), mail.recipient(),
						attempts, next, ex.toString());
			}
		}
		return sent;
	}

	/** retryBase, doubled for each further attempt, at most retryMax. */
	Duration backoff(int attempts) {
		Duration delay = retryBase;
		for (int i = 1; i < attempts && delay.compareTo(retryMax) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(retryMax) > 0 ? retryMax : delay;
	}

	private void deliver(Pending mail) throws Exception {
		JavaMailSender sender = mailSender.getObject();
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		for (Attachment attachment : attachments(mail.id())) {
			AttachmentSource source = attachmentSources.orderedStream()
				.filter(s -> s.name().equals(attachment.source()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No attachment source " + attachment.source()));
			Optional<byte[]> bytes = source.render(attachment.reference(), mail.locale());
			if (bytes.isPresent()) {
				helper.addAttachment(attachment.filename(), new ByteArrayResource(bytes.get()),
						attachment.contentType());
			}
		}
		sender.send(message);
	}

	private List<Attachment> attachments(long mailId) {
		return jdbc.sql("""
				SELECT filename, content_type, source, reference FROM mail_outbox_attachments
				WHERE mail_id = ? ORDER BY position""")
			.param(mailId)
			.query((rs, row) -> new Attachment(rs.getString("filename"), rs.getString("content_type"),
					rs.getString("source"), rs.getString("reference")))
			.list();
	}

	record Pending(long id, String recipient, Locale locale, String subject, String text, String html, int attempts) {
	}

}
