package com.partnerline.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	private final Clock clock;

	private final MailPreferences preferences;

	Mailer(MailTemplates templates, JdbcClient jdbc, MessageSource messages, Clock clock,
			MailPreferences preferences) {
		this.preferences = preferences;
		this.templates = templates;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Queues a short notice whose subject and body are the messages {@code <key>.subject}
	 * and {@code <key>.body} in the recipient's language; blank lines in the body
	 * separate paragraphs, and {@code link} becomes the mail's button.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendNotice(String to, Locale locale, String key, Object[] subjectArguments, Object[] bodyArguments,
			String link, @Nullable String linkTextKey) {
		sendNotice(to, locale, key, subjectArguments, bodyArguments, link, linkTextKey, List.of());
	}

	/**
	 * Queues a short notice as {@link #sendNotice(String, Locale, String, Object[], Object[], String, String)}
	 * does, with files attached: each is rendered by its {@link AttachmentSource} when the
	 * mail is sent.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendNotice(String to, Locale locale, String key, Object[] subjectArguments, Object[] bodyArguments,
			String link, @Nullable String linkTextKey, List<Attachment> attachments) {
		if (!preferences.wants(to, MailPreferences.topicOf(key))) {
			return;
		}
		String body = messages.getMessage(key + ".body", bodyArguments, locale);
		Mail mail = new Notice(to, locale, messages.getMessage(key + ".subject", subjectArguments, locale),
				List.of(body.strip().split("\n\n")), link,
				linkTextKey == null ? null : messages.getMessage(linkTextKey, null, locale))
			.toMail();
		if (!preferences.wants(mail.to(), MailPreferences.topicOf(mail.template()))) {
			return;
		}
		long id = insert(mail);
		int position = 0;
		for (Attachment attachment : attachments) {
			jdbc.sql("""
					INSERT INTO mail_outbox_attachments (mail_id, position, filename, content_type, source, reference)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id, position++, attachment.filename(), attachment.contentType(), attachment.source(),
						attachment.reference())
				.update();
		}
	}

	/** Queues {@code mail}; must run inside the transaction of the change that causes it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void send(Mail mail) {
		if (!preferences.wants(mail.to(), MailPreferences.topicOf(mail.template()))) {
			return;
		}
		insert(mail);
	}

	private long insert(Mail mail) {
		MailTemplates.Rendered rendered = templates.render(mail);
		Instant now = clock.instant();
		return jdbc.sql("""
				INSERT INTO mail_outbox (recipient, locale, template, subject, text_body, html_body, status, attempts,
				                         created_at, next_attempt_at)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) RETURNING id""")
			.params(mail.to(), mail.locale().toLanguageTag(), mail.template(), rendered.subject(), rendered.text(),
					rendered.html(), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Erasure: mails to {@code email} keep only their template and times (recipient the
	 * pseudonym's address, subject and bodies removed; not yet sent ones are not sent), and
	 * every other mail, and the mail opt-outs, have each of {@code values} (email, names)
	 * replaced by the pseudonym, whatever their case. Runs in the erasing transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(String email, java.util.Collection<String> values, String pseudonym) {
		String address = pseudonym + "@erased.invalid";
		jdbc.sql("""
				UPDATE mail_outbox SET recipient = ?, subject = '[erased]', text_body = '', html_body = '',
				  status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END,
				  last_error = CASE WHEN status = 'PENDING' THEN 'erased' ELSE last_error END
				WHERE lower(recipient) = lower(?)""")
			.params(address, email)
			.update();
		jdbc.sql("UPDATE mail_opt_outs SET recipient = ? WHERE lower(recipient) = lower(?)").params(address, email).update();
		for (String value : values) {
			if (value.isBlank()) {
				continue;
			}
			String pattern = value.replaceAll("[\\\\.^$|?*+()\\[\\]{}]", "\\\\$0");
			jdbc.sql("""
					UPDATE mail_outbox SET subject = regexp_replace(subject, ?, ?, 'gi'),
					  text_body = regexp_replace(text_body, ?, ?, 'gi'), html_body = regexp_replace(html_body, ?, ?, 'gi')
					WHERE strpos(lower(subject || text_body || html_body), lower(?)) > 0""")
				.params(pattern, pseudonym, pattern, pseudonym, pattern, pseudonym, value)
				.update();
		}
	}

}
