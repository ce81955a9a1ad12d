package com.partnerline.partners;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.Caller;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.accounts.Role;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.notifications.MailPreferences;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account settings of whoever is logged on (partner or vendor manager): profile, password
 * (the change ends every session and token of the account, this one too, through
 * {@link AccountManagement#changePassword}), language, time zone and which optional
 * notices come by mail ({@link MailPreferences}, asked by the mailer).
 */
@Controller
class AccountSettingsController {

	static final List<String> LANGUAGES = List.of("en", "ru", "fr", "de");

	private final CurrentCaller currentCaller;

	private final AccountManagement accounts;

	private final PartnerManagement partners;

	private final MailPreferences preferences;

	AccountSettingsController(CurrentCaller currentCaller, AccountManagement accounts, PartnerManagement partners,
			MailPreferences preferences) {
		this.currentCaller = currentCaller;
		this.accounts = accounts;
		this.partners = partners;
		this.preferences = preferences;
	}

	@GetMapping("/account")
	String page(Model model) {
		Account account = account();
		model.addAttribute("account", account);
		Partner partner = account.role() == Role.PARTNER ? partners.find(new PartnerId(account.id())).orElse(null)
				: null;
		model.addAttribute("partner", partner);
		if (!model.containsAttribute("profile")) {
			model.addAttribute("profile", partner != null
					? new Profile(partner.name(), partner.company(), partner.country())
					: new Profile(account.displayName(), null, null));
		}
		model.addAttribute("zone", accounts.timeZone(account.id()).map(ZoneId::getId).orElse(""));
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
		model.addAttribute("languages", LANGUAGES);
		model.addAttribute("language", account.locale().getLanguage());
		Set<String> out = preferences.optedOut(account.email());
		model.addAttribute("topics", MailPreferences.TOPICS.stream()
			.filter(t -> partner != null ? !t.equals("PROPOSALS_RECEIVED") && !t.equals("SUPPORT_ALERTS")
					: !t.equals("REPORT_REMINDERS") && !t.equals("TICKET_REPLIES"))
			.map(t -> new Topic(t, !out.contains(t)))
			.toList());
		Locale shown = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		model.addAttribute("countries", java.util.Arrays.stream(Locale.getISOCountries())
			.map(code -> new Country(code, new Locale("", code).getDisplayCountry(shown)))
			.sorted(java.util.Comparator.comparing(Country::name))
			.toList());
		return "account/settings";
	}

	@PostMapping("/account/profile")
	String saveProfile(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String company,
			@RequestParam(required = false) @Nullable String country, Model model, RedirectAttributes redirect) {
		Account account = account();
		try {
			if (account.role() == Role.PARTNER) {
				partners.changeProfile(new PartnerId(account.id()), name, company, country);
			}
			else {
				accounts.changeDisplayName(account.id(), name);
			}
		}
		catch (ApiProblem problem) {
			model.addAttribute("profile", new Profile(name, company, country));
			model.addAttribute("profileErrors", errors(problem));
			return page(model);
		}
		redirect.addFlashAttribute("done", "account.profile.saved");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(required = false) @Nullable String current,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String repeat, Model model) {
		Account account = account();
		Map<String, String> errors = new LinkedHashMap<>();
		if (current == null || accounts.checkPassword(account.email(), current).isEmpty()) {
			errors.put("current", "account.password.wrong");
		}
		if (password == null || password.length() < 10 || password.length() > 200) {
			errors.put("password", "validation.passwordLength");
		}
		else if (!password.equals(repeat)) {
			errors.put("repeat", "account.password.mismatch");
		}
		if (!errors.isEmpty()) {
			model.addAttribute("passwordErrors", errors);
			return page(model);
		}
		accounts.changePassword(account.id(), password);
		return "redirect:/login?passwordChanged";
	}

	@PostMapping("/account/preferences")
	String savePreferences(@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String timeZone,
			@RequestParam(name = "topics", required = false) @Nullable List<String> topics, Model model,
			RedirectAttributes redirect) {
		Account account = account();
		String lang = language != null && LANGUAGES.contains(language) ? language : account.locale().getLanguage();
		try {
			accounts.changeTimeZone(account.id(), timeZone);
		}
		catch (ApiProblem problem) {
			model.addAttribute("preferenceErrors", errors(problem));
			return page(model);
		}
		accounts.changeLanguage(account.id(), Locale.forLanguageTag(lang));
		preferences.save(account.email(), topics == null ? Set.of() : new HashSet<>(topics));
		redirect.addFlashAttribute("done", "account.preferences.saved");
		// the new language also for this session
		return "redirect:/account?lang=" + lang;
	}

	private Account account() {
		Caller caller = currentCaller.require();
		if (caller.accountId() == null) {
			throw ApiProblem.forbidden("account.noAccount");
		}
		return accounts.find(caller.accountId()).orElseThrow(() -> ApiProblem.forbidden("account.noAccount"));
	}

	private static Map<String, String> errors(ApiProblem problem) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem error : problem.errors()) {
			errors.putIfAbsent(error.field(), error.message());
		}
		return errors;
	}

	record Profile(@Nullable String name, @Nullable String company, @Nullable String country) {
	}

	record Topic(String name, boolean wanted) {
	}

	record Country(String code, String name) {
	}

}
