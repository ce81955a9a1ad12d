package com.partnerline.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A short mail whose texts are already in the recipient's language: a subject,
 * paragraphs and an optional button. For notices such as reminders and "your
 * statement is ready" that need no layout of their own (see {@link Mailer#sendNotice}).
 */
record Notice(String to, Locale locale, String subject, List<String> paragraphs, @Nullable String link,
		@Nullable String linkText) {

	/** The outbox mail of this notice, rendered with the {@code notice} templates. */
	Mail toMail() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("paragraphs", paragraphs);
		if (link != null) {
			variables.put("link", link);
			variables.put("linkText", linkText == null ? link : linkText);
		}
		return new Mail(to, locale, "notice", variables, subject);
	}

}
