package com.partnerline.content;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public content pages the feeds link to: a vendor's news and Virus Rating
 * ({@code /content/{vendor}}), one item ({@code /content/{vendor}/items/{id}}) and the
 * Virus Calendar by month ({@code /content/{vendor}/calendar?month=yyyy-MM}).
 */
@Controller
class ContentPublicController {

	private final CatalogManagement catalog;

	private final ContentStore store;

	private final VirusRating rating;

	private final VirusCalendar calendar;

	private final Clock clock;

	ContentPublicController(CatalogManagement catalog, ContentStore store, VirusRating rating, VirusCalendar calendar,
			Clock clock) {
		this.catalog = catalog;
		this.store = store;
		this.rating = rating;
		this.calendar = calendar;
		this.clock = clock;
	}

	@GetMapping({ "/content/{vendor}", "/content/{vendor}/rating" })
	String home(@PathVariable String vendor, Model model) {
		Vendor found = catalog.vendor(vendor);
		List<ContentItem> news = new ArrayList<>(store.published(found.id(), ContentKind.AV_NEWS, clock.instant(), 10));
		news.addAll(store.published(found.id(), ContentKind.VIRUS_NEWS, clock.instant(), 10));
		news.sort(Comparator.comparing(ContentItem::publishAt).reversed());
		model.addAttribute("vendor", found);
		model.addAttribute("news", news);
		model.addAttribute("rating", rating.top(found.id(), 10));
		model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
		return "content/public";
	}

	@GetMapping("/content/{vendor}/items/{id}")
	String item(@PathVariable String vendor, @PathVariable String id, Model model) {
		Vendor found = catalog.vendor(vendor);
		UUID itemId;
		try {
			itemId = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("content.item.notFound");
		}
		ContentItem item = store.find(found.id(), itemId)
			.filter(i -> i.visibleAt(clock.instant()))
			.orElseThrow(() -> ApiProblem.notFound("content.item.notFound"));
		String lang = LocaleContextHolder.getLocale().getLanguage();
		model.addAttribute("vendor", found);
		model.addAttribute("item", item);
		model.addAttribute("text", item.text(lang));
		model.addAttribute("textLang", item.textLanguage(lang));
		return "content/item";
	}

	@GetMapping("/content/{vendor}/calendar")
	String calendar(@PathVariable String vendor, @RequestParam(required = false) @Nullable String month, Model model) {
		Vendor found = catalog.vendor(vendor);
		YearMonth shown;
		try {
			shown = month == null || month.isBlank() ? YearMonth.now(clock.withZone(found.timeZone()))
					: YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.invalidField("month", "content.error.month");
		}
		model.addAttribute("vendor", found);
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1).toString());
		model.addAttribute("next", shown.plusMonths(1).toString());
		model.addAttribute("days", calendar.month(found.id(), shown));
		model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
		return "content/calendar";
	}

}
