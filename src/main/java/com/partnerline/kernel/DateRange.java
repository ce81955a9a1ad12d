package com.partnerline.kernel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The period a statistics page shows: a preset ({@code today}, {@code 7d}, {@code 30d}, {@code month},
 * {@code lastMonth}, {@code 3m}) or a custom range, both days inclusive, in the vendor's
 * time zone. Every statistics page takes it from the same parameters ({@code range},
 * {@code from}, {@code to}) and shows it with the picker of {@code templates/fragments/range.html}.
 */
public record DateRange(String preset, LocalDate from, LocalDate to) {

	public static final List<String> PRESETS = List.of("today", "7d", "30d", "month", "lastMonth", "3m");

	/** The longest custom range a page shows (about two years). */
	public static final long MAX_DAYS = 800;

	/**
	 * @throws ApiProblem naming {@code from} or {@code to} for a date that cannot be read, an end
	 * before the start or a range longer than {@link #MAX_DAYS}
	 */
	public static DateRange of(@Nullable String preset, @Nullable String from, @Nullable String to, LocalDate today) {
		if ((from != null && !from.isBlank()) || (to != null && !to.isBlank())) {
			LocalDate start = day(from, "from", today.withDayOfMonth(1));
			LocalDate end = day(to, "to", today);
			if (end.isBefore(start)) {
				throw ApiProblem.invalid(List.of(new FieldProblem("to", "dashboard.range.order")));
			}
			if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
				throw ApiProblem.invalid(List.of(new FieldProblem("from", "dashboard.range.tooLong")));
			}
			return new DateRange("custom", start, end);
		}
		String chosen = preset == null || !PRESETS.contains(preset) ? "month" : preset;
		YearMonth month = YearMonth.from(today);
		return switch (chosen) {
			case "today" -> new DateRange(chosen, today, today);
			case "7d" -> new DateRange(chosen, today.minusDays(6), today);
			case "30d" -> new DateRange(chosen, today.minusDays(29), today);
			case "lastMonth" -> new DateRange(chosen, month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth());
			case "3m" -> new DateRange(chosen, month.minusMonths(2).atDay(1), today);
			default -> new DateRange("month", month.atDay(1), today);
		};
	}

	private static LocalDate day(@Nullable String value, String field, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.invalid(List.of(new FieldProblem(field, "dashboard.range.date")));
		}
	}

}
