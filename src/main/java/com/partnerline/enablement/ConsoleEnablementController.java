package com.partnerline.enablement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Partner;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's partner support pages: upload and version material and keep
 * text links, publish policy versions and see who has not acknowledged them, schedule
 * seminars and see their participants, and write the company content pages.
 */
@Controller
@RequestMapping("/console/vendors/{vendor}")
class ConsoleEnablementController {

	private final VendorAccess access;

	private final CatalogManagement catalog;

	private final CurrentCaller caller;

	private final Library library;

	private final UploadChecks checks;

	private final Policies policies;

	private final Seminars seminars;

	private final ContentPages pages;

	private final MessageSource messages;

	ConsoleEnablementController(VendorAccess access, CatalogManagement catalog, CurrentCaller caller, Library library,
			UploadChecks checks, Policies policies, Seminars seminars, ContentPages pages, MessageSource messages) {
		this.access = access;
		this.catalog = catalog;
		this.caller = caller;
		this.library = library;
		this.checks = checks;
		this.policies = policies;
		this.seminars = seminars;
		this.pages = pages;
		this.messages = messages;
	}

	private Vendor common(String slug, Model model, String section) {
		Vendor vendor = access.requireManaged(slug);
		model.addAttribute("vendor", vendor);
		model.addAttribute("section", section);
		return vendor;
	}

	private List<String> lines(ApiProblem problem) {
		java.util.Locale locale = LocaleContextHolder.getLocale();
		if (problem.errors().isEmpty()) {
			return List.of(messages.getMessage(problem.messageKey(), problem.arguments(), locale));
		}
		// the field's label, never its name
		return problem.errors()
			.stream()
			.map(e -> messages.getMessage("enablement.console.fieldError",
					new Object[] { messages.getMessage("enablement.field." + e.field(), null, e.field(), locale),
							messages.getMessage(e.message(), null, e.message(), locale) },
					locale))
			.toList();
	}

	@GetMapping("/material")
	String material(@PathVariable String vendor, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		Vendor found = common(vendor, model, "material");
		Period period;
		try {
			period = library.period(found, from, to);
		}
		catch (ApiProblem problem) {
			model.addAttribute("periodErrors", lines(problem));
			period = library.period(found, null, null);
		}
		model.addAttribute("period", period);
		model.addAttribute("items", library.vendorLibrary(found, period));
		model.addAttribute("textLinks", library.vendorTextLinks(found, period));
		model.addAttribute("products", catalog.products(found.id()));
		model.addAttribute("languages", List.of("en", "ru", "fr", "de"));
		model.addAttribute("maxMegabytes", checks.maxSize() / (1024 * 1024));
		return "enablement/console-material";
	}

	@PostMapping("/material")
	String upload(@PathVariable String vendor, @RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String targetUrl,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String language, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			Creative creative = library.upload(found,
					new Library.NewCreative(name, kind, targetUrl, product, language),
					file == null ? null : file.getOriginalFilename(),
					EnablementApiController.read(file, checks.maxSize()), caller.require().actorName());
			redirect.addFlashAttribute("done", "enablement.console.uploaded");
			redirect.addFlashAttribute("doneArg", creative.version());
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", lines(problem));
		}
		return "redirect:/console/vendors/" + found.slug() + "/material";
	}

	@PostMapping("/text-links")
	String textLink(@PathVariable String vendor, @RequestParam(required = false) @Nullable String id,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String targetUrl,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String language, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			library.saveTextLink(found, id == null ? "" : id.strip(),
					new Library.TextLinkDraft(text, targetUrl, product, language));
			redirect.addFlashAttribute("done", "enablement.console.textLinks.saved");
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", lines(problem));
		}
		return "redirect:/console/vendors/" + found.slug() + "/material";
	}

	@GetMapping("/policies")
	String policies(@PathVariable String vendor, Model model) {
		Vendor found = common(vendor, model, "policies");
		List<Policies.Current> current = policies.current(found, null);
		Map<String, List<Partner>> pending = new LinkedHashMap<>();
		current.forEach(p -> pending.put(p.kind(), policies.pending(found, p.kind())));
		model.addAttribute("policies", current);
		model.addAttribute("pending", pending);
		model.addAttribute("kinds", Policies.KINDS);
		return "enablement/console-policies";
	}

	@PostMapping("/policies")
	String publish(@PathVariable String vendor, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String body,
			RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			int version = policies.publish(found, kind == null ? "" : kind, title, body, caller.require().actorName());
			redirect.addFlashAttribute("done", "enablement.console.policies.published");
			redirect.addFlashAttribute("doneArg", version);
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", lines(problem));
		}
		return "redirect:/console/vendors/" + found.slug() + "/policies";
	}

	@GetMapping("/seminars")
	String seminars(@PathVariable String vendor, Model model) {
		Vendor found = common(vendor, model, "seminars");
		List<Seminars.View> upcoming = seminars.upcoming(found, null);
		Map<java.util.UUID, List<Seminars.Attendee>> attendees = new LinkedHashMap<>();
		upcoming.forEach(s -> attendees.put(s.id(), seminars.attendees(found, s.id())));
		model.addAttribute("seminars", upcoming);
		model.addAttribute("attendees", attendees);
		return "enablement/console-seminars";
	}

	@PostMapping("/seminars")
	String schedule(@PathVariable String vendor, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String startsAt,
			@RequestParam(required = false) @Nullable Integer durationMinutes,
			@RequestParam(required = false) @Nullable String timeZone,
			@RequestParam(required = false) @Nullable Integer capacity,
			@RequestParam(required = false) @Nullable String mode,
			@RequestParam(required = false) @Nullable String location, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			seminars.schedule(found,
					new Seminars.Draft(title, startsAt, durationMinutes, timeZone, capacity, mode, location));
			redirect.addFlashAttribute("done", "enablement.console.seminars.scheduled");
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", lines(problem));
		}
		return "redirect:/console/vendors/" + found.slug() + "/seminars";
	}

	@GetMapping("/pages")
	String pages(@PathVariable String vendor, @RequestParam(required = false) @Nullable String edit, Model model) {
		Vendor found = common(vendor, model, "pages");
		List<ContentPages.Page> all = pages.pages(found);
		model.addAttribute("pages", all);
		model.addAttribute("editing", all.stream().filter(p -> p.slug().equals(edit)).findFirst().orElse(null));
		return "enablement/console-pages";
	}

	@PostMapping("/pages")
	String savePage(@PathVariable String vendor, @RequestParam(required = false) @Nullable String slug,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String body,
			RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			pages.save(found, slug == null ? "" : slug, title, body, caller.require().actorName());
			redirect.addFlashAttribute("done", "enablement.console.pages.saved");
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", lines(problem));
		}
		return "redirect:/console/vendors/" + found.slug() + "/pages";
	}

}
