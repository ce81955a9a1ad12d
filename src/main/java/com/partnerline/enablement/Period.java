package com.partnerline.enablement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The days (both inclusive, the vendor's time zone) whose figures the material pages
 * show beside each item: the last 30 days unless {@code from} and {@code to} say otherwise.
 */
record Period(LocalDate from, LocalDate to) {

	static final int DEFAULT_DAYS = 30;

	/** The longest period shown at once (about two years). */
	static final long MAX_DAYS = 800;

	/**
	 * @throws ApiProblem 422 naming {@code from} or {@code to} when a date is not ISO, the
	 *     end is before the start, or the period is longer than {@link #MAX_DAYS}
	 */
	static Period of(@Nullable String from, @Nullable String to, LocalDate today) {
		LocalDate end = day(to, "to", today);
		LocalDate start = day(from, "from", end.minusDays(DEFAULT_DAYS - 1));
		if (end.isBefore(start)) {
			throw ApiProblem.invalid(List.of(new FieldProblem("to", "enablement.period.order")));
		}
		if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
			throw ApiProblem.invalid(List.of(new FieldProblem("from", "enablement.period.tooLong")));
		}
		return new Period(start, end);
	}

	private static LocalDate day(@Nullable String value, String field, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.invalid(List.of(new FieldProblem(field, "enablement.period.date")));
		}
	}

}
