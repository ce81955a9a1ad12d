package com.partnerline.communication;

import java.util.List;
import java.util.Locale;

import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

/** Checks of submitted fields that name the field and what is wrong with it. */
final class Texts {

	private Texts() {
	}

	/** The trimmed text, or "" with a problem recorded when it is missing or longer than {@code max}. */
	static String required(@Nullable String value, String field, int max, List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldProblem(field, "communication.error.required"));
			return "";
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			errors.add(new FieldProblem(field, "communication.error.tooLong"));
		}
		return trimmed;
	}

	/** The constant named {@code value} (any case), or {@literal null} with a problem recorded. */
	static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, @Nullable String value, String field,
			List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldProblem(field, "communication.error.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldProblem(field, "communication.error.choice"));
			return null;
		}
	}

}
