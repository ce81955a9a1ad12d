package com.partnerline.scanner;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Scans made through partners' embedded scanners: the partner's own in the control
 * panel (with the code to embed the scanner), a vendor's per partner in the console.
 */
@Controller
class ScannerStatsController {

	static final int DAYS = 30;

	private final Scans scans;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final VendorAccess access;

	private final Clock clock;

	private final PublicUrl publicUrl;

	ScannerStatsController(Scans scans, PartnerManagement partners, CatalogManagement catalog, VendorAccess access,
			Clock clock, PublicUrl publicUrl) {
		this.scans = scans;
		this.partners = partners;
		this.catalog = catalog;
		this.access = access;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/panel/scanner")
	String panel(Model model) {
		Partner partner = partners.currentPartner();
		Instant from = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(DAYS - 1, ChronoUnit.DAYS);
		List<Scans.DayFigures> days = scans.partnerDays(partner.id(), from);
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
		model.addAttribute("days_count", DAYS);
		return "scanner/panel";
	}

	@GetMapping("/console/vendors/{vendor}/scanner")
	String console(@PathVariable String vendor, Model model) {
		Vendor found = access.requireManaged(vendor);
		Instant from = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(DAYS - 1, ChronoUnit.DAYS);
		List<Scans.PartnerFigures> figures = scans.vendorPartners(found.id(), from);
		Map<String, Partner> byId = figures.stream()
			.map(f -> partners.find(f.partnerId()))
			.flatMap(Optional::stream)
			.collect(Collectors.toMap(p -> p.id().toString(), Function.identity()));
		model.addAttribute("vendor", found);
		model.addAttribute("figures", figures);
		model.addAttribute("partnersById", byId);
		model.addAttribute("days_count", DAYS);
		return "scanner/console";
	}

	/** The code a partner pastes into its site to embed the scanner for one program. */
	record Embed(Vendor vendor, String code) {
	}

}
