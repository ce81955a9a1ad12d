package com.partnerline.partners;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.partners.Signups.SignupRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-up form, the confirmation link's page and the password reset pages. */
@Controller
class SignupPagesController {

	private final Signups signups;

	private final PartnerManagement partners;

	SignupPagesController(Signups signups, PartnerManagement partners) {
		this.signups = signups;
		this.partners = partners;
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("form", new SignupRequest(null, null, null, null, null, null));
		return signupPage(model, Map.of());
	}

	@PostMapping("/signup")
	String signUp(@ModelAttribute("form") SignupRequest form, HttpServletRequest request, Model model) {
		try {
			Partner partner = signups.signUp(form,
					SignupApiController.language(LocaleContextHolder.getLocale()), request.getRemoteAddr());
			model.addAttribute("email", partner.email());
			return "signup/sent";
		}
		catch (ApiProblem problem) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem error : problem.errors()) {
				errors.put(error.field(), error.message());
			}
			if (errors.isEmpty()) {
				errors.put("email", problem.status().value() == 409 ? "partners.emailTakenShort" : problem.messageKey());
			}
			return signupPage(model, errors);
		}
	}

	private String signupPage(Model model, Map<String, String> errors) {
		model.addAttribute("terms", partners.platformTerms());
		model.addAttribute("errors", errors);
		model.addAttribute("countries", countries());
		return "signup/form";
	}

	@GetMapping("/confirm")
	String confirm(@RequestParam(required = false) @Nullable String token, HttpServletResponse response) {
		try {
			if (token == null || token.isBlank()) {
				throw ApiProblem.gone("partners.confirmGone");
			}
			signups.confirm(token.trim());
			return "signup/confirmed";
		}
		catch (ApiProblem gone) {
			response.setStatus(410);
			return "signup/gone";
		}
	}

	@PostMapping("/signup/resend")
	String resend(@RequestParam(defaultValue = "") String email, Model model) {
		if (!email.isBlank()) {
			signups.resendConfirmation(email);
		}
		model.addAttribute("email", email);
		return "signup/sent";
	}

	@GetMapping("/password/forgot")
	String forgot() {
		return "signup/forgot";
	}

	@PostMapping("/password/forgot")
	String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
		if (!email.isBlank()) {
			signups.requestPasswordReset(email);
		}
		model.addAttribute("resetSent", true);
		return "signup/forgot";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "signup/reset";
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			Model model, HttpServletResponse response) {
		try {
			signups.resetPassword(token, password);
			return "redirect:/login?reset";
		}
		catch (ApiProblem problem) {
			if (problem.status().value() == 410) {
				response.setStatus(410);
				model.addAttribute("gone", true);
			}
			else {
				model.addAttribute("passwordError", "validation.passwordLength");
			}
			model.addAttribute("token", token);
			return "signup/reset";
		}
	}

	/** ISO country codes with their names in the reader's language, sorted by name. */
	private static Map<String, String> countries() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byName = new java.util.TreeMap<>(java.text.Collator.getInstance(locale));
		for (String code : Locale.getISOCountries()) {
			byName.put(new Locale("", code).getDisplayCountry(locale), code);
		}
		Map<String, String> countries = new LinkedHashMap<>();
		byName.forEach((name, code) -> countries.put(code, name));
		return countries;
	}

}
