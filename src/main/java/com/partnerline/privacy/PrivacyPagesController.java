package com.partnerline.privacy;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The panel's "your data" page (download of the export) and the console's erasure page for
 * the platform admin: find a partner or enter a customer email, see what will happen,
 * confirm, erase.
 */
@Controller
class PrivacyPagesController {

	private final PartnerExport export;

	private final Erasure erasure;

	private final PartnerManagement partners;

	private final AccountManagement accounts;

	private final CurrentCaller caller;

	PrivacyPagesController(PartnerExport export, Erasure erasure, PartnerManagement partners,
			AccountManagement accounts, CurrentCaller caller) {
		this.export = export;
		this.erasure = erasure;
		this.partners = partners;
		this.accounts = accounts;
		this.caller = caller;
	}

	@GetMapping("/panel/privacy")
	String panel(Model model) {
		model.addAttribute("partner", partners.currentPartner());
		return "privacy/panel";
	}

	@GetMapping("/panel/privacy/export")
	void download(HttpServletResponse response) throws IOException {
		PrivacyApiController.zip(partners.currentPartner(), export, response);
	}

	@GetMapping("/console/privacy")
	String console(@RequestParam(required = false) @Nullable String partner, Model model) {
		requireAdmin();
		model.addAttribute("query", partner == null ? "" : partner.strip());
		if (partner != null && !partner.isBlank()) {
			Optional<Partner> found = find(partner.strip());
			if (found.isPresent()) {
				model.addAttribute("found", found.get());
				model.addAttribute("alreadyErased", erasure.isErased(found.get().id()));
			}
			else {
				model.addAttribute("notFound", true);
			}
		}
		return "privacy/console";
	}

	@PostMapping("/console/privacy/partners/erase")
	String erasePartner(@RequestParam String partnerId, @RequestParam(required = false) @Nullable String confirm,
			RedirectAttributes redirect) {
		requireAdmin();
		PartnerId id;
		try {
			id = PartnerId.of(partnerId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("privacy.partnerNotFound", partnerId);
		}
		if (!"yes".equals(confirm)) {
			redirect.addFlashAttribute("confirmMissing", true);
			redirect.addAttribute("partner", id.toString());
			return "redirect:/console/privacy";
		}
		Erasure.Erased erased = erasure.erasePartner(id, caller.require().actorName());
		redirect.addFlashAttribute("erasedPseudonym", erased.pseudonym());
		return "redirect:/console/privacy";
	}

	@PostMapping("/console/privacy/customers/confirm")
	String confirmCustomer(@RequestParam(required = false) @Nullable String email, Model model) {
		requireAdmin();
		String address = email == null ? "" : email.strip();
		if (address.isEmpty() || address.indexOf('@') < 1 || address.length() > 320) {
			model.addAttribute("query", "");
			model.addAttribute("customerEmail", address);
			model.addAttribute("customerError", address.isEmpty() ? "validation.required" : "privacy.emailInvalid");
			return "privacy/console";
		}
		model.addAttribute("customerEmail", address);
		return "privacy/customer-confirm";
	}

	@PostMapping("/console/privacy/customers/erase")
	String eraseCustomer(@RequestParam(required = false) @Nullable String email, RedirectAttributes redirect) {
		requireAdmin();
		try {
			Erasure.Erased erased = erasure.eraseCustomer(email, caller.require().actorName());
			redirect.addFlashAttribute("erasedPseudonym", erased.pseudonym());
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("customerProblem", problem.status().value() == 409 ? "privacy.emailIsPartner"
					: "privacy.emailInvalid");
		}
		return "redirect:/console/privacy";
	}

	private Optional<Partner> find(String query) {
		try {
			return partners.find(PartnerId.of(query));
		}
		catch (IllegalArgumentException ex) {
			if (query.indexOf('@') > 0) {
				return accounts.findByEmail(query.toLowerCase(Locale.ROOT)).flatMap(a -> partners.find(new PartnerId(a.id())));
			}
			return partners.findByCode(query);
		}
	}

	private void requireAdmin() {
		if (!caller.require().isPlatformAdmin()) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
	}

}
