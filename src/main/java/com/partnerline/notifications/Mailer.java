package com.partnerline.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications module's API: queue a mail in the caller's transaction. The mail
 * is rendered now (text and HTML part, in the recipient's language) and stored in the
 * outbox; the sender delivers it once the transaction has committed and the mail
 * server answers. A rolled-back change therefore never sends its mail.
 */
@Service
public class Mailer {

	private final MailTemplates templates;

	private final JdbcClient jdbc;

	private final Clock clock;

	Mailer(MailTemplates templates, JdbcClient jdbc, Clock clock) {
		this.templates = templates;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Queues {@code mail}; must run inside the transaction of the change that causes it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void send(Mail mail) {
		MailTemplates.Rendered rendered = templates.render(mail);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO mail_outbox (recipient, locale, template, subject, text_body, html_body, status, attempts,
				                         created_at, next_attempt_at)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(mail.to(), mail.locale().toLanguageTag(), mail.template(), rendered.subject(), rendered.text(),
					rendered.html(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

}
