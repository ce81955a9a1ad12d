package com.partnerline.notifications;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/mail}: the latest mails of the outbox, for trying the app without a
 * mail server. The outbox holds people's mail, reset tokens included, so the page
 * exists only while no SMTP host is set, and only for a client on this machine (its
 * address after the forwarded-address rules); anybody else is told it does not exist.
 */
@Controller
class DevMailController {

	// an IPv4 loopback address or an IPv6 one (::1 written either way), as Jetty writes a remote address
	private static final Pattern LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}|\\[?(0{1,4}:){7}0{0,3}1]?|\\[?::1]?");

	private final JdbcClient jdbc;

	private final boolean smtpConfigured;

	DevMailController(JdbcClient jdbc, @Value("${spring.mail.host:}") String smtpHost) {
		this.jdbc = jdbc;
		this.smtpConfigured = !smtpHost.isBlank();
	}

	@GetMapping("/dev/mail")
	String mails(@RequestParam(required = false) @Nullable String to, Model model, HttpServletRequest request) {
		if (smtpConfigured || !LOOPBACK.matcher(request.getRemoteAddr()).matches()) {
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
