package com.partnerline.scanner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Product;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.tracking.Link;
import com.partnerline.tracking.NewLink;
import com.partnerline.tracking.TrackingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scanner page, {@code /scan?partner=<code>[&vendor=<slug>]}: an upload with a
 * progress bar and a clear verdict, in an iframe on the partner's site. Its "buy" and
 * "try" buttons are the partner's own tracking links in the vendor's program (made
 * once, sub-ids {@code scanner-buy} and {@code scanner-try}), so a sale that follows
 * is attributed to the partner; they point at the configured public address.
 */
@Controller
class ScannerPageController {

	static final String BUY_SUB_ID = "scanner-buy";

	static final String TRY_SUB_ID = "scanner-try";

	private final Scanner scanner;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final TrackingManagement tracking;

	private final ScannerSettings settings;

	private final PublicUrl publicUrl;

	ScannerPageController(Scanner scanner, PartnerManagement partners, CatalogManagement catalog,
			TrackingManagement tracking, ScannerSettings settings, PublicUrl publicUrl) {
		this.scanner = scanner;
		this.partners = partners;
		this.catalog = catalog;
		this.tracking = tracking;
		this.settings = settings;
		this.publicUrl = publicUrl;
	}

	@GetMapping(ScannerConfiguration.PAGE_PATH)
	String page(@RequestParam(required = false) @Nullable String partner,
			@RequestParam(required = false) @Nullable String vendor, Model model) {
		model.addAttribute("maxMegabytes", settings.maxFileSize().toMegabytes());
		model.addAttribute("scanUrl", publicUrl.link(ScannerConfiguration.SCAN_PATH));
		if (partner == null || partner.isBlank()) {
			return "scanner/scan";
		}
		Partner found = partners.findByCode(partner.trim())
			.orElseThrow(() -> ApiProblem.notFound("scanner.page.unknown-partner"));
		model.addAttribute("partnerCode", found.code());
		// the language switcher must not drop the partner's attribution of the embedded page
		Map<String, String> keep = new LinkedHashMap<>();
		keep.put("partner", found.code());
		Optional<Vendor> program = scanner.program(found, vendor);
		if (program.isPresent()) {
			keep.put("vendor", program.get().slug());
			model.addAttribute("vendor", program.get());
			model.addAttribute("buyUrl", linkUrl(program.get(), found, BUY_SUB_ID));
			model.addAttribute("tryUrl", linkUrl(program.get(), found, TRY_SUB_ID));
		}
		model.addAttribute("keepOnLanguageSwitch", keep);
		return "scanner/scan";
	}

	/**
	 * The partner's tracking link with {@code subId}: to the vendor's first product
	 * (its buy page) for "buy", to the vendor's site for "try" until trials exist.
	 */
	private @Nullable String linkUrl(Vendor vendor, Partner partner, String subId) {
		Optional<Link> existing = tracking.links(vendor.id(), partner.id())
			.stream()
			.filter(link -> subId.equals(link.subId()))
			.findFirst();
		if (existing.isPresent()) {
			return publicUrl.link("/r/" + existing.get().code());
		}
		if (vendor.allowedDomains().isEmpty()) {
			return null;
		}
		List<Product> products = catalog.products(vendor.id());
		NewLink request = BUY_SUB_ID.equals(subId) && !products.isEmpty()
				? new NewLink(products.get(0).sku(), null, subId)
				: new NewLink(null, "https://" + vendor.allowedDomains().get(0) + "/", subId);
		return publicUrl.link("/r/" + Objects.requireNonNull(tracking.createLink(vendor, partner.id(), request)).code());
	}

}
