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
		return stripped;
	}

	static @Nullable String optional(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
