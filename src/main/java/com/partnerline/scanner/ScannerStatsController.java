package com.partnerline.scanner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.DateRange;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Scans made through partners' embedded scanners: the partner's own in the control
 * panel (with the code to embed the scanner), a vendor's per partner in the console, for
 * a period picked like on every statistics page (the last 30 days unless another is picked;
 * days in UTC, as scans are counted).
 */
@Controller
class ScannerStatsController {

	private final Scans scans;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final VendorAccess access;

	private final Clock clock;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	ScannerStatsController(Scans scans, PartnerManagement partners, CatalogManagement catalog, VendorAccess access,
			Clock clock, PublicUrl publicUrl, MessageSource messages) {
		this.scans = scans;
		this.partners = partners;
		this.catalog = catalog;
		this.access = access;
		this.clock = clock;
		this.publicUrl = publicUrl;
		this.messages = messages;
	}

	@GetMapping("/panel/scanner")
	String panel(@RequestParam(required = false) @Nullable String range,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		Partner partner = partners.currentPartner();
		DateRange period = period(range, from, to, model);
		List<Scans.DayFigures> days = scans.partnerDays(partner.id(), start(period), end(period));
		List<Vendor> programs = partners.memberships(partner.id())
			.stream()
			.filter(Membership::isActive)
			.map(m -> catalog.findVendor(m.vendorId()))
			.flatMap(Optional::stream)
			.toList();
		model.addAttribute("days", days);
		model.addAttribute("totalScans", days.stream().mapToLong(Scans.DayFigures::scans).sum());
		model.addAttribute("totalDetections", days.stream().mapToLong(Scans.DayFigures::detections).sum());
		model.addAttribute("detections", scans.partnerDetections(partner.id(), 20));
		model.addAttribute("embeds", programs.stream()
			.map(vendor -> new Embed(vendor, "<iframe src=\"" + publicUrl.link(ScannerConfiguration.PAGE_PATH + "?partner="
					+ partner.code() + "&amp;vendor=" + vendor.slug())
					+ "\" width=\"100%\" height=\"520\" style=\"border:0\" title=\"" + vendor.name() + "\"></iframe>"))
			.toList());
		return "scanner/panel";
	}

	@GetMapping("/console/vendors/{vendor}/scanner")
	String console(@PathVariable String vendor, @RequestParam(required = false) @Nullable String range,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		Vendor found = access.requireManaged(vendor);
		DateRange period = period(range, from, to, model);
		List<Scans.PartnerFigures> figures = scans.vendorPartners(found.id(), start(period), end(period));
		Map<String, Partner> byId = figures.stream()
			.map(f -> partners.find(f.partnerId()))
			.flatMap(Optional::stream)
			.collect(Collectors.toMap(p -> p.id().toString(), Function.identity()));
		model.addAttribute("vendor", found);
		model.addAttribute("figures", figures);
		model.addAttribute("partnersById", byId);
		return "scanner/console";
	}

	/** The picked period, or the last 30 days with the range's errors shown beside the picker. */
	private DateRange period(@Nullable String range, @Nullable String from, @Nullable String to, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		DateRange period;
		try {
			period = DateRange.of(range == null ? "30d" : range, from, to, today);
		}
		catch (ApiProblem problem) {
			model.addAttribute("rangeErrors", problem.fieldMessages(messages, LocaleContextHolder.getLocale()));
			period = DateRange.of("30d", null, null, today);
		}
		model.addAttribute("period", period);
		return period;
	}

	private static Instant start(DateRange period) {
		return period.from().atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static Instant end(DateRange period) {
		return period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The code a partner pastes into its site to embed the scanner for one program. */
	record Embed(Vendor vendor, String code) {
	}

}
