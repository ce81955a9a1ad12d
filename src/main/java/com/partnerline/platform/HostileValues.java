package com.partnerline.platform;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * Values no request may carry into the app, whatever the field: control characters
 * in text (a NUL makes PostgreSQL fail, others hide in logs and mails), numbers no
 * column holds ({@code 1e999}, infinity), dates outside the years 1 to 9999. Found
 * by walking what a request body was read into (records, lists, maps), each named by
 * its path in the JSON ({@code salesPlan.lines[0].sku}), so that the caller is told
 * which field and the database never sees them.
 */
final class HostileValues {

	/** More integer digits than any amount, rate or count of the app has. */
	private static final int MAX_INTEGER_DIGITS = 18;

	private static final int MAX_SCALE = 12;

	private static final int MAX_DEPTH = 16;

	private HostileValues() {
	}

	static List<FieldProblem> in(@Nullable Object body) {
		List<FieldProblem> problems = new ArrayList<>();
		walk(body, "", problems, 0);
		return problems;
	}

	/** The message key of what is wrong with one text, or null when it may be taken. */
	static @Nullable String inText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// tab, line feed and carriage return are text; every other C0 control, DEL and the C1 controls are not
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
				return "validation.controlCharacter";
			}
		}
		return null;
	}

	private static void walk(@Nullable Object value, String path, List<FieldProblem> problems, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		String problem = problem(value);
		if (problem != null) {
			problems.add(new FieldProblem(path.isEmpty() ? "body" : path, problem));
		}
		else if (value instanceof Record record) {
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				try {
					component.getAccessor().setAccessible(true);
					walk(component.getAccessor().invoke(record), join(path, component.getName()), problems, depth + 1);
				}
				catch (ReflectiveOperationException | RuntimeException unreadable) {
					// a component that cannot be read was not read from the request either
				}
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> {
				String name = join(path, String.valueOf(key));
				if (key instanceof String text && inText(text) != null) {
					problems.add(new FieldProblem(path.isEmpty() ? "body" : path, "validation.controlCharacter"));
				}
				walk(item, name, problems, depth + 1);
			});
		}
		else if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				walk(item, path + "[" + index++ + "]", problems, depth + 1);
			}
		}
	}

	private static @Nullable String problem(Object value) {
		if (value instanceof String text) {
			return inText(text);
		}
		if (value instanceof BigDecimal number) {
			return number.precision() - number.scale() > MAX_INTEGER_DIGITS || number.scale() > MAX_SCALE
					? "validation.outOfRange" : null;
		}
		if (value instanceof Double number) {
			return number.isInfinite() || number.isNaN() ? "validation.outOfRange" : null;
		}
		if (value instanceof Float number) {
			return number.isInfinite() || number.isNaN() ? "validation.outOfRange" : null;
		}
		Integer year;
		try {
			year = year(value);
		}
		catch (RuntimeException beyondTheCalendar) {
			// e.g. +999999999-12-31T23:00-01:00 has no UTC year
			return "validation.yearOutOfRange";
		}
		return year != null && (year < 1 || year > 9999) ? "validation.yearOutOfRange" : null;
	}

	private static @Nullable Integer year(Object value) {
		if (value instanceof OffsetDateTime time) {
			return time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
		}
		if (value instanceof Instant instant) {
			return instant.isBefore(Instant.parse("0001-01-01T00:00:00Z")) ? 0
					: instant.isAfter(Instant.parse("9999-12-31T23:59:59.999999999Z")) ? 10000 : 1;
		}
		if (value instanceof ZonedDateTime time) {
			return time.withZoneSameInstant(ZoneOffset.UTC).getYear();
		}
		if (value instanceof LocalDate date) {
			return date.getYear();
		}
		if (value instanceof LocalDateTime time) {
			return time.getYear();
		}
		if (value instanceof YearMonth month) {
			return month.getYear();
		}
		if (value instanceof Year year) {
			return year.getValue();
		}
		return null;
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

}
