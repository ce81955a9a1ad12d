package com.partnerline.kernel;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * A business outcome that ends a request with an RFC 9457 problem. The detail is a
 * message key resolved in the caller's language, so the same outcome reads well in
 * every supported language. Modules throw the named factories below; the web edge
 * turns them into {@code application/problem+json}.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final Object[] arguments;

	private final List<FieldProblem> errors;

	private final @Nullable Duration retryAfter;

	public ApiProblem(HttpStatus status, String messageKey, Object[] arguments, List<FieldProblem> errors) {
		this(status, messageKey, arguments, errors, null);
	}

	private ApiProblem(HttpStatus status, String messageKey, Object[] arguments, List<FieldProblem> errors,
			@Nullable Duration retryAfter) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
		this.errors = List.copyOf(errors);
		this.retryAfter = retryAfter;
	}

	public static ApiProblem notFound(String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.NOT_FOUND, messageKey, arguments, List.of());
	}

	public static ApiProblem conflict(String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.CONFLICT, messageKey, arguments, List.of());
	}

	public static ApiProblem gone(String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.GONE, messageKey, arguments, List.of());
	}

	public static ApiProblem forbidden(String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.FORBIDDEN, messageKey, arguments, List.of());
	}

	public static ApiProblem unauthorized(String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, messageKey, arguments, List.of());
	}

	/** Refused for now (429); the client may try again after {@code retryAfter} ({@code Retry-After}). */
	public static ApiProblem tooManyRequests(Duration retryAfter, String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, messageKey, arguments, List.of(), retryAfter);
	}

	/** Cannot serve now (503); the client may try again after {@code retryAfter} ({@code Retry-After}). */
	public static ApiProblem unavailable(Duration retryAfter, String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, messageKey, arguments, List.of(), retryAfter);
	}

	/** Too large to accept (413). */
	public static ApiProblem tooLarge(String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, messageKey, arguments, List.of());
	}

	/** A rule of the business refuses the request (422), for example a month that has not ended. */
	public static ApiProblem unprocessable(String messageKey, Object... arguments) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, arguments, List.of());
	}

	/** Fields of the request are invalid (422); each one is named. */
	public static ApiProblem invalid(List<FieldProblem> errors) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.validation", new Object[0], errors);
	}

	/** Values no request may carry (400): control characters, numbers or years out of range; each one is named. */
	public static ApiProblem badRequest(List<FieldProblem> errors) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "problem.badValues", new Object[0], errors);
	}

	public static ApiProblem invalidField(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	public List<FieldProblem> errors() {
		return errors;
	}

	/** How long the client should wait before trying again, when that is known. */
	public @Nullable Duration retryAfter() {
		return retryAfter;
	}

	/** Each bad field as a line a person reads on a page: {@code field: message} in {@code locale}. */
	public List<String> fieldMessages(MessageSource messages, Locale locale) {
		return errors.stream()
			.map(error -> fieldLabel(error.field(), messages, locale)
					+ messages.getMessage(error.message(), null, error.message(), locale))
			.toList();
	}

	/**
	 * How a page names a field before its message: the label {@code field.<name>} of the
	 * bundles and a colon, in the reader's language ({@code lines[2].client.email} tries
	 * {@code field.lines.client.email}, then {@code field.lines.client}, then
	 * {@code field.lines}, with the line's number as argument); else nothing when the
	 * name is a code such as {@code targetUrl} (a page never shows field names); else
	 * the name as given (an attachment's file name).
	 */
	public static String fieldLabel(String field, MessageSource messages, Locale locale) {
		java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\[(\\d+)]|^line (\\d+)$").matcher(field);
		Object[] position = null;
		if (row.find()) {
			position = new Object[] { row.group(1) != null ? Integer.parseInt(row.group(1)) + 1 : Integer.parseInt(row.group(2)) };
		}
		String name = field.replaceAll("\\[\\d+]", "").replaceAll("^line \\d+$", "line");
		while (!name.isEmpty()) {
			String label = messages.getMessage("field." + name, position, null, locale);
			if (label != null) {
				return messages.getMessage("field.label", new Object[] { label }, label + ": ", locale);
			}
			name = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
		}
		boolean code = field.matches("[a-z][A-Za-z0-9]*(\\[\\d+])?(\\.[a-z][A-Za-z0-9]*)*")
				&& (field.contains("[") || !field.equals(field.toLowerCase()) || !field.contains("."));
		return code ? "" : messages.getMessage("field.label", new Object[] { field }, field + ": ", locale);
	}

}
