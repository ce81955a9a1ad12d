package com.partnerline.enablement;

import java.util.List;

import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

/** Checks of free text fields: required, bounded, stripped. */
final class Texts {

	private Texts() {
	}

	/** The stripped value, or "" after naming the field when it is blank or longer than {@code max}. */
	static String required(@Nullable String value, String field, int max, List<FieldProblem> errors) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			errors.add(new FieldProblem(field, "enablement.error.required"));
			return "";
		}
		if (stripped.length() > max) {
			errors.add(new FieldProblem(field, "enablement.error.tooLong"));
			return "";
		}
		if (hasControl(stripped)) {
			errors.add(new FieldProblem(field, "enablement.error.control"));
			return "";
		}
		return stripped;
	}

	/** Control characters other than line breaks and tabs (a NUL makes PostgreSQL fail). */
	static boolean hasControl(String value) {
		return value.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f);
	}

	/** A filter value of a query: a short code without control characters, else nothing matches it. */
	static boolean isCode(@Nullable String value) {
		return value == null || value.matches("[A-Za-z0-9._-]{1,64}");
	}

	static @Nullable String optional(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
