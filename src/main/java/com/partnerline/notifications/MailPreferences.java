package com.partnerline.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which optional notices a recipient does not want by mail. {@link Mailer} asks before
 * queueing one; mails a person must get (confirmation, password reset, a proposal's
 * decision) have no topic and always go.
 */
@Component
public class MailPreferences {

	/** The optional topics, as the account settings page offers them. */
	public static final List<String> TOPICS = List.of("STATEMENTS", "REPORT_REMINDERS", "TICKET_REPLIES",
			"PROPOSALS_RECEIVED", "SUPPORT_ALERTS");

	private final JdbcClient jdbc;

	MailPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The topics {@code recipient} opted out of. */
	public Set<String> optedOut(String recipient) {
		return Set.copyOf(jdbc.sql("SELECT topic FROM mail_opt_outs WHERE recipient = ?")
			.param(key(recipient))
			.query(String.class)
			.list());
	}

	/** Replaces the recipient's choices: {@code wanted} are the topics it still wants by mail. */
	@Transactional
	public void save(String recipient, Set<String> wanted) {
		jdbc.sql("DELETE FROM mail_opt_outs WHERE recipient = ?").param(key(recipient)).update();
		for (String topic : TOPICS) {
			if (!wanted.contains(topic)) {
				jdbc.sql("INSERT INTO mail_opt_outs (recipient, topic) VALUES (?, ?)")
					.params(key(recipient), topic)
					.update();
			}
		}
	}

	boolean wants(String recipient, @Nullable String topic) {
		if (topic == null) {
			return true;
		}
		return jdbc.sql("SELECT count(*) FROM mail_opt_outs WHERE recipient = ? AND topic = ?")
			.params(key(recipient), topic)
			.query(Long.class)
			.single() == 0;
	}

	/** The topic of a notice key or mail template, {@literal null} for mails that always go. */
	static @Nullable String topicOf(String keyOrTemplate) {
		if (keyOrTemplate.startsWith("commissions.")) {
			return "STATEMENTS";
		}
		if (keyOrTemplate.startsWith("reporting.")) {
			return "REPORT_REMINDERS";
		}
		if (keyOrTemplate.equals("ticket-reply")) {
			return "TICKET_REPLIES";
		}
		if (keyOrTemplate.equals("proposal-received")) {
			return "PROPOSALS_RECEIVED";
		}
		if (keyOrTemplate.startsWith("communication.")) {
			return "SUPPORT_ALERTS";
		}
		return null;
	}

	private static String key(String recipient) {
		return recipient.strip().toLowerCase(Locale.ROOT);
	}

}
