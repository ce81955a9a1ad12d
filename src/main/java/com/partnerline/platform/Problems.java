package com.partnerline.platform;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.kernel.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The RFC 9457 problem every failure answers with, also where Spring MVC's exception
 * handling does not reach: the servlet error page, security refusals, request limits
 * and Jetty's own refusals. Each status has a {@code type} of its own.
 */
final class Problems {

	static final URI VALIDATION_TYPE = URI.create("https://partnerline.dev/problems/validation");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** {@code https://partnerline.dev/problems/not-found} for 404, and so on. */
	static URI type(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String name = known != null ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "status-" + status;
		return URI.create("https://partnerline.dev/problems/" + name);
	}

	/** The problem's fields in their RFC 9457 order; {@code errors} only when there are some. */
	static Map<String, Object> body(int status, String title, String detail, List<FieldProblem> errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (errors.isEmpty() ? type(status) : VALIDATION_TYPE).toString());
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		if (!errors.isEmpty()) {
			body.put("errors", errors);
		}
		return body;
	}

	/** The problem for {@code status} with the detail of {@code detailKey}, in {@code locale}. */
	static byte[] json(MessageSource messages, Locale locale, int status, String detailKey, List<FieldProblem> errors) {
		String title = messages.getMessage("problem.status." + status, null, HttpStatus.valueOf(status).getReasonPhrase(),
				locale);
		String detail = messages.getMessage(detailKey, null, title, locale);
		List<FieldProblem> localized = errors.stream()
			.map(error -> new FieldProblem(error.field(), messages.getMessage(error.message(), null, error.message(), locale)))
			.toList();
		return JSON.writeValueAsBytes(body(status, title, detail, localized));
	}

	/** Writes the problem as the whole answer, when nothing has been written yet. */
	static void write(HttpServletResponse response, MessageSource messages, Locale locale, int status, String detailKey,
			List<FieldProblem> errors) throws IOException {
		byte[] body = json(messages, locale, status, detailKey, errors);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The best of the four languages for an {@code Accept-Language} header, where Spring's resolver does not run. */
	static Locale language(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LanguageConfiguration.SUPPORTED);
			return best != null ? best : Locale.ENGLISH;
		}
		catch (IllegalArgumentException malformed) {
			return Locale.ENGLISH;
		}
	}

}
