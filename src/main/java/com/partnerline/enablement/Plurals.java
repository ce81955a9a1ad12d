package com.partnerline.enablement;

import java.util.Locale;


import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Counts with their nouns in the reader's language: the message is an ICU pattern
 * ({@code {0, plural, one {# seat} other {# seats}}}) formatted by icu4j with the
 * language's plural rules (Russian one/few/many). Templates call
 * {@code @enablementPlurals.count('key', n)}.
 */
@Component("enablementPlurals")
class Plurals {

	private final MessageSource messages;

	Plurals(MessageSource messages) {
		this.messages = messages;
	}

	public String count(String key, long count) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, new Object[] { count }, locale);
	}

}
