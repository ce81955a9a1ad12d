package com.partnerline.partners;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Signups.SignupRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public onboarding API: {@code POST /api/v1/signup}, {@code /signup/confirm},
 * and, beyond docs/api.md (added so that a program can do what the pages do),
 * {@code /signup/resend} and the password reset pair. Requests that could tell
 * whether an email has an account answer 202 either way.
 */
@RestController
class SignupApiController {

	private static final List<String> LANGUAGES = List.of("en", "ru", "fr", "de");

	private final Signups signups;

	SignupApiController(Signups signups) {
		this.signups = signups;
	}

	@PostMapping("/api/v1/signup")
	ResponseEntity<Map<String, String>> signUp(@RequestBody SignupRequest request, HttpServletRequest http) {
		Partner partner = signups.signUp(request, language(LocaleContextHolder.getLocale()), http.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("partnerId", partner.id().toString(), "status", "PENDING_EMAIL"));
	}

	@PostMapping("/api/v1/signup/confirm")
	Map<String, String> confirm(@RequestBody TokenRequest request) {
		signups.confirm(required(request.token(), "token"));
		return Map.of("status", "ACTIVE");
	}

	@PostMapping("/api/v1/signup/resend")
	ResponseEntity<Void> resend(@RequestBody EmailRequest request) {
		signups.resendConfirmation(required(request.email(), "email"));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/v1/password/reset-request")
	ResponseEntity<Void> requestReset(@RequestBody EmailRequest request) {
		signups.requestPasswordReset(required(request.email(), "email"));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/v1/password/reset")
	Map<String, String> reset(@RequestBody ResetRequest request) {
		signups.resetPassword(required(request.token(), "token"), request.password());
		return Map.of("status", "PASSWORD_CHANGED");
	}

	/** The product language closest to the request's, so that mail speaks it too. */
	static Locale language(Locale requested) {
		return LANGUAGES.contains(requested.getLanguage()) ? Locale.forLanguageTag(requested.getLanguage())
				: Locale.ENGLISH;
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw ApiProblem.invalidField(field, "validation.required");
		}
		return value.trim();
	}

	record TokenRequest(@Nullable String token) {
	}

	record EmailRequest(@Nullable String email) {
	}

	record ResetRequest(@Nullable String token, @Nullable String password) {
	}

}
