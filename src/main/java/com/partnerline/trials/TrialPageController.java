package com.partnerline.trials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Product;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public trial page {@code /trial/{vendor}}: the customer picks a product and gives
 * an email; the confirmation shows the licence key, its expiry and how to install. A
 * partner's link to it carries {@code ref} (the partner's code, a link code or a click
 * id); otherwise the {@code pl_ref} cookie of an earlier partner link counts.
 */
@Controller
class TrialPageController {

	private final TrialManagement trials;

	private final CatalogManagement catalog;

	private final MessageSource messages;

	TrialPageController(TrialManagement trials, CatalogManagement catalog, MessageSource messages) {
		this.trials = trials;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** What the form holds. */
	record TrialForm(@Nullable String sku, @Nullable String email, @Nullable String ref) {
	}

	@GetMapping("/trial/{vendor}")
	String page(@PathVariable String vendor, @RequestParam(required = false) @Nullable String sku,
			@RequestParam(required = false) @Nullable String ref, Model model) {
		Vendor found = vendor(vendor);
		return form(found, new TrialForm(sku, null, clean(ref)), List.of(), model);
	}

	@PostMapping("/trial/{vendor}")
	String start(@PathVariable String vendor, @RequestParam(required = false) @Nullable String sku,
			@RequestParam(required = false) @Nullable String email, @RequestParam(required = false) @Nullable String ref,
			@CookieValue(name = "pl_ref", required = false) @Nullable String cookie, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Vendor found = vendor(vendor);
		TrialForm form = new TrialForm(sku, email, clean(ref));
		try {
			TrialManagement.IssuedTrial issued = trials.issue(new TrialManagement.TrialRequest(found.slug(), sku, email,
					form.ref(), cookie, LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("licenseKey", issued.licenseKey());
			redirect.addFlashAttribute("expiresOn", issued.expiresAt().atZone(found.timeZone()).toLocalDate());
			redirect.addFlashAttribute("productName", issued.product().name());
			redirect.addFlashAttribute("trialDays", issued.product().trialDays());
			redirect.addFlashAttribute("publicKeyUrl", TrialApiController.PUBLIC_KEY_PATH + found.slug());
			return "redirect:/trial/" + found.slug() + "/done";
		}
		catch (ApiProblem refused) {
			response.setStatus(refused.status().value());
			return form(found, form, errors(refused), model);
		}
	}

	@GetMapping("/trial/{vendor}/done")
	String done(@PathVariable String vendor, Model model) {
		Vendor found = vendor(vendor);
		if (!model.containsAttribute("licenseKey")) {
			// the key is shown once, right after it was issued; a reload goes back to the form
			return "redirect:/trial/" + found.slug();
		}
		model.addAttribute("vendor", found);
		return "trials/done";
	}

	private String form(Vendor vendor, TrialForm form, List<String> errors, Model model) {
		List<Product> products = catalog.products(vendor.id()).stream().filter(Product::offersTrial).toList();
		model.addAttribute("vendor", vendor);
		model.addAttribute("products", products);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		Map<String, String> keep = new LinkedHashMap<>();
		if (form.ref() != null) {
			keep.put("ref", form.ref());
		}
		model.addAttribute("keepOnLanguageSwitch", keep);
		return "trials/page";
	}

	/** The refusal as sentences a customer reads: the field's label, never its name. */
	private List<String> errors(ApiProblem problem) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> lines = new ArrayList<>();
		if (problem.errors().isEmpty()) {
			lines.add(messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale));
		}
		for (FieldProblem error : problem.errors()) {
			String field = switch (error.field()) {
				case "sku" -> "trials.page.product";
				case "email" -> "trials.page.email";
				default -> "trials.page.link";
			};
			lines.add(messages.getMessage(field, null, locale) + ": "
					+ messages.getMessage(error.message(), null, error.message(), locale));
		}
		return lines;
	}

	private Vendor vendor(String slug) {
		return catalog.findVendor(slug).orElseThrow(() -> ApiProblem.notFound("catalog.vendorNotFound", slug));
	}

	private static @Nullable String clean(@Nullable String ref) {
		return ref == null || ref.isBlank() || ref.length() > 64 ? null : ref.trim();
	}

}
