package com.partnerline.platform;

import java.util.Locale;

import com.ibm.icu.text.MessageFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The message bundles formatted with ICU's MessageFormat, always, with or without
 * arguments: plural forms ({@code {0, plural, one {# partner} other {# partners}}})
 * follow each language's rules, an apostrophe is only special right before a
 * brace ({@code The program's cap is {0}} keeps its placeholder), and a doubled
 * {@code ''} shows as one apostrophe whether the message has arguments or not. A
 * message with named arguments takes them as one {@code Map} argument.
 */
class IcuMessageSource extends ReloadableResourceBundleMessageSource {

	@Override
	protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args,
			@Nullable Locale locale) {
		if (code == null) {
			return null;
		}
		Locale language = locale != null ? locale : Locale.ENGLISH;
		String pattern = resolveCodeWithoutArguments(code, language);
		if (pattern == null) {
			return null;
		}
		return format(pattern, resolveArguments(args, language), language);
	}

	@Override
	protected String formatMessage(String msg, Object @Nullable [] args, Locale locale) {
		return format(msg, resolveArguments(args, locale), locale);
	}

	/** Formats one pattern; a pattern ICU cannot read is shown as written (the bundle tests catch it first). */
	static String format(String pattern, Object @Nullable [] args, Locale locale) {
		try {
			if (args != null && args.length == 1 && args[0] instanceof java.util.Map<?, ?> named) {
				// named arguments ({vendor}, {day, plural, ...}) come as one map
				@SuppressWarnings("unchecked")
				java.util.Map<String, Object> values = (java.util.Map<String, Object>) named;
				return new MessageFormat(pattern, locale).format(values);
			}
			return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
		}
		catch (IllegalArgumentException ex) {
			return pattern;
		}
	}

}
