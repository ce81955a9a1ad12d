package com.partnerline.trials;

import java.util.Locale;


import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts where a number meets a noun ("1 day", "5 дней"): the message is an ICU pattern
 * with plural forms, formatted with ICU's MessageFormat in the page's language. Used in
 * templates as {@code @trialTexts.format('trials.days', n)}.
 */
@Component("trialTexts")
class TrialTexts {

	private final MessageSource messages;

	TrialTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String format(String key, Object... arguments) {
		return format(LocaleContextHolder.getLocale(), key, arguments);
	}

	String format(Locale locale, String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
