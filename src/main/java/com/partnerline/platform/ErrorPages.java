package com.partnerline.platform;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet error page, which answers what never reached a controller or failed
 * outside one (no such address, a body type no controller takes, a refusal of the
 * firewall): the API and every client that does not ask for HTML get the problem of
 * docs/api.md, browsers the page of the web shell. Replaces Spring Boot's, whose JSON
 * ({@code timestamp}, {@code error}, {@code path}) is no problem.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	@Nullable String page(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		int status = status(request);
		if (uri(request).startsWith("/api/")) {
			// an API address answers with a problem, whatever the client accepts
			Problems.write(response, messages, LocaleContextHolder.getLocale(), status, "problem.detail." + status,
					List.of());
			return null;
		}
		model.addAttribute("status", status);
		return "error";
	}

	@RequestMapping("/error")
	ResponseEntity<byte[]> problem(HttpServletRequest request) {
		int status = status(request);
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.json(messages, locale, status, "problem.detail." + status, List.of()));
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		return HttpStatus.resolve(status) != null && status >= 400 ? status : 500;
	}

	private static String uri(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri instanceof String text ? text : "";
	}

}
