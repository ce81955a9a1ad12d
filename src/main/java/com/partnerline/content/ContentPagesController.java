package com.partnerline.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the partner's agreements with feed URLs and keys and the informer builder
 * with a live preview ({@code /panel/content}); the vendor's editors write items with
 * translations and make agreements, with their usage ({@code /console/vendors/{v}/content}).
 */
@Controller
class ContentPagesController {

	static final List<String> LANGS = List.of("en", "ru", "fr", "de");

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final VendorAccess access;

	private final ContentAgreements agreements;

	private final ContentManagement content;

	private final Informers informers;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	private final CurrentCaller caller;

	private final AccountManagement accounts;

	private final JsonMapper json;

	ContentPagesController(PartnerManagement partners, CatalogManagement catalog, VendorAccess access,
			ContentAgreements agreements, ContentManagement content, Informers informers, PublicUrl publicUrl,
			MessageSource messages, CurrentCaller caller, AccountManagement accounts, JsonMapper json) {
		this.caller = caller;
		this.accounts = accounts;
		this.json = json;
		this.partners = partners;
		this.catalog = catalog;
		this.access = access;
		this.agreements = agreements;
		this.content = content;
		this.informers = informers;
		this.publicUrl = publicUrl;
		this.messages = messages;
	}

	@GetMapping("/panel/content")
	String panel(Model model) {
		Partner partner = partners.currentPartner();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ContentAgreement agreement : agreements.ofPartner(partner.id())) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("agreement", agreement);
			row.put("vendor", catalog.findVendor(agreement.vendorId()).map(Vendor::name).orElse(""));
			List<Map<String, String>> urls = new ArrayList<>();
			for (Feed feed : agreement.feeds()) {
				for (String format : List.of("rss", "atom", "json")) {
					urls.add(Map.of("id", "feed-" + agreement.id().toString().substring(0, 8) + "-" + feed.slug() + "-" + format,
							"feed", feed.slug(), "format", format.toUpperCase(java.util.Locale.ROOT), "url",
							publicUrl.link("/feeds/" + feed.slug() + "." + format + "?key=" + agreement.feedKey())));
				}
			}
			row.put("urls", urls);
			rows.add(row);
		}
		Informers.Settings settings = informers.settings(partner.id());
		model.addAttribute("agreements", rows);
		model.addAttribute("settings", settings);
		model.addAttribute("styles", Informers.Style.values());
		model.addAttribute("sizes", Informers.Size.values());
		model.addAttribute("langs", LANGS);
		model.addAttribute("programs", informers.programs(partner.id()));
		model.addAttribute("informerBase", publicUrl.link("/informer/" + partner.code()));
		model.addAttribute("partnerCode", partner.code());
		return "content/panel";
	}

	@PostMapping("/panel/content/informer")
	String saveInformer(@RequestParam String style, @RequestParam String size,
			@RequestParam(required = false) @Nullable Long vendor, RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		Informers.Style chosenStyle;
		Informers.Size chosenSize;
		try {
			chosenStyle = Informers.Style.valueOf(style);
			chosenSize = Informers.Size.valueOf(size);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("style", "content.error.choice");
		}
		Long vendorId = vendor != null && informers.programs(partner.id()).stream().anyMatch(v -> v.id().value() == vendor)
				? vendor : null;
		informers.save(partner.id(), chosenStyle, chosenSize, vendorId);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/panel/content";
	}

	@GetMapping("/console/vendors/{vendor}/content")
	String console(@PathVariable String vendor, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Vendor found = access.requireManaged(vendor);
		ContentKind filter = kind == null || kind.isBlank() ? null : kindOrNull(kind);
		int size = 20;
		long total = content.count(found.id(), filter);
		model.addAttribute("vendor", found);
		model.addAttribute("kind", filter == null ? "" : filter.name());
		model.addAttribute("items", content.items(found.id(), filter, Math.max(0, page), size));
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("pages", Math.max(1, (total + size - 1) / size));
		model.addAttribute("kinds", ContentKind.values());
		model.addAttribute("types", ThreatType.values());
		model.addAttribute("langs", LANGS);
		Map<UUID, ContentAgreements.Usage> usage = agreements.usage(found.id());
		model.addAttribute("agreements", agreements.ofVendor(found.id()));
		model.addAttribute("usage", usage);
		List<Partner> members = partners.membersOf(found.id())
			.stream()
			.map(m -> partners.find(m.partnerId()))
			.flatMap(java.util.Optional::stream)
			.toList();
		model.addAttribute("members", members);
		Map<String, String> names = new java.util.HashMap<>();
		members.forEach(p -> names.put(p.id().toString(), p.name() + " (" + p.code() + ")"));
		model.addAttribute("partnerNames", names);
		model.addAttribute("feeds", Feed.values());
		model.addAttribute("schedules", ContentAgreement.Schedule.values());
		return "content/console";
	}

	@PostMapping("/console/vendors/{vendor}/content")
	String create(@PathVariable String vendor, @RequestParam String kind, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		ContentKind contentKind = kindOrNull(kind);
		try {
			if (contentKind == null) {
				throw ApiProblem.invalidField("kind", "content.error.choice");
			}
			content.create(found, contentKind, draft(contentKind, form, null), by());
			redirect.addFlashAttribute("saved", true);
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", messagesOf(problem));
		}
		return "redirect:/console/vendors/" + found.slug() + "/content";
	}

	/** An item's editor: every field and translation, and every saved version with who saved it. */
	@GetMapping("/console/vendors/{vendor}/content/{id}")
	String edit(@PathVariable String vendor, @PathVariable String id, Model model) {
		Vendor found = access.requireManaged(vendor);
		ContentItem item = content.item(found.id(), uuid(id));
		model.addAttribute("vendor", found);
		model.addAttribute("item", item);
		model.addAttribute("types", ThreatType.values());
		model.addAttribute("langs", LANGS);
		List<Map<String, Object>> versions = new ArrayList<>();
		Map<String, String> editors = new java.util.HashMap<>();
		for (ContentManagement.Version version : content.history(found.id(), item.id())) {
			Map<String, Object> row = new LinkedHashMap<>();
			JsonNode snapshot = json.readTree(version.snapshot());
			row.put("version", version.version());
			row.put("savedAt", version.savedAt());
			row.put("savedBy", editor(version.savedBy(), editors));
			row.put("published", snapshot.path("published").asBoolean());
			JsonNode texts = snapshot.path("translations");
			row.put("title", texts.path("en").path("title").asString(""));
			List<String> languages = new ArrayList<>();
			texts.propertyNames().forEach(lang -> languages.add(lang.toUpperCase(java.util.Locale.ROOT)));
			row.put("languages", String.join(" ", languages));
			List<Map<String, String>> translations = new ArrayList<>();
			for (String lang : LANGS) {
				JsonNode text = texts.path(lang);
				if (!text.isMissingNode() && !text.isNull()) {
					Map<String, String> t = new LinkedHashMap<>();
					t.put("lang", lang);
					t.put("title", text.path("title").asString(""));
					t.put("body", text.path("body").asString(""));
					t.put("removal", text.path("removal").isNull() ? "" : text.path("removal").asString(""));
					translations.add(t);
				}
			}
			row.put("translations", translations);
			row.put("current", version.version() == item.version());
			versions.add(row);
		}
		model.addAttribute("versions", versions);
		return "content/edit";
	}

	/** Saves a new version of the item; a stale form (another editor saved meanwhile) is refused, nothing saved. */
	@PostMapping("/console/vendors/{vendor}/content/{id}")
	String update(@PathVariable String vendor, @PathVariable String id, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		ContentItem current = content.item(found.id(), uuid(id));
		Integer expected = null;
		try {
			expected = Integer.valueOf(form.getOrDefault("version", "").strip());
		}
		catch (NumberFormatException ex) {
			expected = -1;
		}
		try {
			content.update(found, current.id(), draft(current.kind(), form, current), expected, by());
			redirect.addFlashAttribute("saved", true);
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", messagesOf(problem));
		}
		return "redirect:/console/vendors/" + found.slug() + "/content/" + current.id();
	}

	/** The console form as a draft; an item already published keeps its publication time. */
	private static ContentDraft draft(ContentKind kind, Map<String, String> form, @Nullable ContentItem current) {
		Map<String, ContentDraft.TranslationDraft> texts = new LinkedHashMap<>();
		for (String lang : LANGS) {
			String title = form.get("title_" + lang);
			String body = form.get("body_" + lang);
			if ((title != null && !title.isBlank()) || (body != null && !body.isBlank())) {
				texts.put(lang, new ContentDraft.TranslationDraft(title, body, null, form.get("removal_" + lang)));
			}
		}
		boolean threat = kind == ContentKind.THREAT;
		Integer danger = null;
		String dangerText = form.get("dangerLevel");
		if (threat && dangerText != null && !dangerText.isBlank()) {
			try {
				danger = Integer.valueOf(dangerText.strip());
			}
			catch (NumberFormatException ex) {
				danger = 0;
			}
		}
		boolean keepDraft = form.containsKey("draft");
		String publishAt = !keepDraft && current != null && current.published() && current.publishAt() != null
				? current.publishAt().atOffset(java.time.ZoneOffset.UTC).toString() : null;
		return new ContentDraft(null, null, null, texts, keepDraft, publishAt, threat ? form.get("name") : null,
				threat ? form.get("type") : null, danger, threat ? form.get("firstSeen") : null,
				threat ? form.get("activeFrom") : null, threat ? form.get("activeTo") : null, null, null);
	}

	private List<String> messagesOf(ApiProblem problem) {
		return problem.errors().isEmpty()
				? List.of(messages.getMessage(problem.messageKey(), problem.arguments(), LocaleContextHolder.getLocale()))
				: problem.fieldMessages(messages, LocaleContextHolder.getLocale());
	}

	private @Nullable String by() {
		return caller.get().map(c -> c.accountId() == null ? "admin" : c.accountId().toString()).orElse(null);
	}

	/** Who saved a version, as the console shows it: the account's name and email. */
	private String editor(@Nullable String savedBy, Map<String, String> known) {
		if (savedBy == null || savedBy.isBlank()) {
			return "";
		}
		return known.computeIfAbsent(savedBy, by -> {
			try {
				return accounts.find(UUID.fromString(by)).map(a -> a.displayName() + " <" + a.email() + ">").orElse(by);
			}
			catch (IllegalArgumentException ex) {
				return by;
			}
		});
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("content.item.notFound");
		}
	}

	private static @Nullable ContentKind kindOrNull(String kind) {
		try {
			return ContentKind.valueOf(kind.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@PostMapping("/console/vendors/{vendor}/content-agreements")
	String createAgreement(@PathVariable String vendor, @RequestParam(required = false) @Nullable String partnerId,
			@RequestParam(required = false) @Nullable List<String> feeds,
			@RequestParam(required = false) @Nullable Integer maxItems,
			@RequestParam(required = false) @Nullable String schedule,
			@RequestParam(required = false) @Nullable String terms, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			agreements.create(found, new ContentAgreements.Draft(partnerId, null, feeds, maxItems, schedule, terms));
			redirect.addFlashAttribute("agreementSaved", true);
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", problem.fieldMessages(messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/console/vendors/" + found.slug() + "/content";
	}

}
