package com.partnerline.reporting;

import java.time.YearMonth;
import java.util.regex.Pattern;

import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

/** Months as the API writes them: {@code yyyy-MM}. */
final class Months {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private Months() {
	}

	/** The month; 422 naming {@code field} when the text is not one. */
	static YearMonth parse(@Nullable String text, String field) {
		if (text == null || !MONTH.matcher(text.strip()).matches()) {
			throw ApiProblem.invalidField(field, "reporting.month.invalid");
		}
		return YearMonth.parse(text.strip());
	}

	static YearMonth parseOr(@Nullable String text, String field, YearMonth fallback) {
		return text == null || text.isBlank() ? fallback : parse(text, field);
	}

}
