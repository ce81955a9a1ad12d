package com.partnerline.enablement;

import java.util.List;
import java.util.UUID;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The control panel's partner support pages for one program: the material library
 * (filters, previews, code to copy with the partner's own tracking link), policies to
 * acknowledge, training seminars (seats, waiting-list position, calendar) and the
 * vendor's company information. Every page shows the banner of policies still to acknowledge.
 */
@Controller
@RequestMapping("/panel/programs/{vendor}")
class PanelEnablementController {

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final Library library;

	private final Policies policies;

	private final Seminars seminars;

	private final ContentPages pages;

	private final MessageSource messages;

	PanelEnablementController(CatalogManagement catalog, PartnerManagement partners, Library library,
			Policies policies, Seminars seminars, ContentPages pages, MessageSource messages) {
		this.catalog = catalog;
		this.partners = partners;
		this.library = library;
		this.policies = policies;
		this.seminars = seminars;
		this.pages = pages;
		this.messages = messages;
	}

	private Membership common(Vendor vendor, Model model, String section) {
		Membership membership = partners.currentMembership(vendor);
		model.addAttribute("vendor", vendor);
		model.addAttribute("section", section);
		model.addAttribute("pendingPolicies", policies.pendingFor(vendor, membership.partnerId()));
		return membership;
	}

	@GetMapping("/material")
	String material(@PathVariable String vendor, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = common(found, model, "material");
		Period period;
		try {
			period = library.period(found, from, to);
		}
		catch (ApiProblem problem) {
			model.addAttribute("periodErrors", problem.fieldMessages(messages, LocaleContextHolder.getLocale()));
			period = library.period(found, null, null);
		}
		model.addAttribute("period", period);
		model.addAttribute("items",
				library.partnerLibrary(found, membership.partnerId(), product, language, kind, period));
		model.addAttribute("products", catalog.products(found.id()));
		model.addAttribute("languages", List.of("en", "ru", "fr", "de"));
		model.addAttribute("kinds", List.of("BANNER", "TEXT_LINK", "DOCUMENT"));
		model.addAttribute("kind", kind == null ? "" : kind);
		model.addAttribute("product", product == null ? "" : product);
		model.addAttribute("language", language == null ? "" : language);
		return "enablement/panel-material";
	}

	@GetMapping("/policies")
	String policies(@PathVariable String vendor, Model model) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = common(found, model, "policies");
		model.addAttribute("policies", policies.current(found, membership.partnerId()));
		return "enablement/panel-policies";
	}

	@PostMapping("/policies/{kind}/acknowledge")
	String acknowledge(@PathVariable String vendor, @PathVariable String kind,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		try {
			policies.acknowledge(found, membership.partnerId(), kind, version);
			redirect.addFlashAttribute("done", "enablement.policies.done");
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", List.of(messages.getMessage(problem.messageKey(), problem.arguments(),
					LocaleContextHolder.getLocale())));
		}
		return "redirect:/panel/programs/" + found.slug() + "/policies";
	}

	@GetMapping("/seminars")
	String seminars(@PathVariable String vendor, Model model) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = common(found, model, "seminars");
		model.addAttribute("eligible", membership.type() == PartnerType.INTERNET);
		model.addAttribute("seminars", seminars.upcoming(found, membership.partnerId()));
		return "enablement/panel-seminars";
	}

	@PostMapping("/seminars/{id}/register")
	String register(@PathVariable String vendor, @PathVariable String id, RedirectAttributes redirect) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		try {
			Seminars.Registration registration = seminars.register(found, membership,
					EnablementApiController.seminarId(id));
			redirect.addFlashAttribute("done", "enablement.seminars.done." + registration.status());
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", List.of(messages.getMessage(problem.messageKey(), problem.arguments(),
					LocaleContextHolder.getLocale())));
		}
		return "redirect:/panel/programs/" + found.slug() + "/seminars";
	}

	@PostMapping("/seminars/{id}/cancel")
	String cancel(@PathVariable String vendor, @PathVariable String id, RedirectAttributes redirect) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		seminars.cancel(found, membership.partnerId(), EnablementApiController.seminarId(id));
		redirect.addFlashAttribute("done", "enablement.seminars.done.cancelled");
		return "redirect:/panel/programs/" + found.slug() + "/seminars";
	}

	@GetMapping("/seminars/{id}/calendar.ics")
	ResponseEntity<String> calendar(@PathVariable String vendor, @PathVariable String id) {
		Vendor found = catalog.vendor(vendor);
		partners.currentMembership(found);
		UUID seminar = EnablementApiController.seminarId(id);
		return EnablementApiController
			.calendarResponse(seminars.calendar(found, seminar, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/pages")
	String pages(@PathVariable String vendor, Model model) {
		Vendor found = catalog.vendor(vendor);
		common(found, model, "pages");
		model.addAttribute("pages", pages.pages(found));
		return "enablement/panel-pages";
	}

}
