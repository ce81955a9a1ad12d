package com.partnerline.content;

import java.util.Locale;
import java.util.Map;


import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts of feeds and the informer in the reader's language, formatted with ICU (named
 * arguments, plural forms) from the patterns of {@code messages/content*.properties}.
 */
@Component
class ContentTexts {

	private final MessageSource messages;

	ContentTexts(MessageSource messages) {
		this.messages = messages;
	}

	String format(String key, Locale locale, Map<String, Object> arguments) {
		return messages.getMessage(key, new Object[] { arguments }, key, locale);
	}

	String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
