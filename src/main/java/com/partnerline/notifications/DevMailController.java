package com.partnerline.notifications;

import java.time.Instant;
import java.util.List;

import com.partnerline.platform.PartnerlineSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/mail}: the latest mails of the outbox, for trying the app without a
 * mail server. Only in demo mode: in production the outbox holds people's mail.
 */
@Controller
class DevMailController {

	private final JdbcClient jdbc;

	private final PartnerlineSettings settings;

	DevMailController(JdbcClient jdbc, PartnerlineSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@GetMapping("/dev/mail")
	String mails(@RequestParam(required = false) @Nullable String to, Model model) {
		if (!settings.demoEnabled()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String filter = to == null || to.isBlank() ? null : to.trim();
		List<OutboxMail> mails = jdbc.sql("""
				SELECT id, recipient, subject, text_body, html_body, status, attempts, created_at FROM mail_outbox
				WHERE (CAST(? AS TEXT) IS NULL OR lower(recipient) = lower(CAST(? AS TEXT)))
				ORDER BY id DESC LIMIT 50""")
			.params(filter, filter)
			.query((rs, row) -> new OutboxMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("text_body"), rs.getString("html_body"), rs.getString("status"), rs.getInt("attempts"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
		model.addAttribute("mails", mails);
		model.addAttribute("to", filter);
		return "dev/mail";
	}

	record OutboxMail(long id, String recipient, String subject, String text, String html, String status,
			int attempts, Instant createdAt) {
	}

}
