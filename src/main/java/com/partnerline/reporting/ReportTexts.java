package com.partnerline.reporting;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Messages of {@code messages/reporting*} in the language of the current request. */
@Component
class ReportTexts {

	private final MessageSource messages;

	ReportTexts(MessageSource messages) {
		this.messages = messages;
	}

	MessageSource source() {
		return messages;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

}
