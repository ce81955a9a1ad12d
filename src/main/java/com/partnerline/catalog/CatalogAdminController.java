package com.partnerline.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.partnerline.catalog.CatalogManagement.ProductDraft;
import com.partnerline.catalog.CatalogManagement.ProgramDraft;
import com.partnerline.catalog.CatalogManagement.VendorDraft;
import com.partnerline.catalog.CatalogManagement.VendorSaved;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The vendor admin API of docs/api.md for vendors, programs, products and exchange rates. */
@RestController
@RequestMapping("/api/v1/admin/vendors")
class CatalogAdminController {

	private final CatalogManagement catalog;

	private final VendorAccess access;

	CatalogAdminController(CatalogManagement catalog, VendorAccess access) {
		this.catalog = catalog;
		this.access = access;
	}

	@GetMapping
	List<VendorView> vendors() {
		access.requirePlatformAdmin();
		return catalog.allVendors().stream().map(v -> VendorView.of(v, null)).toList();
	}

	@PutMapping("/{vendor}")
	VendorView saveVendor(@PathVariable String vendor, @RequestBody VendorDraft draft) {
		if (catalog.findVendor(vendor).isPresent()) {
			access.requireManaged(vendor);
		}
		else {
			access.requirePlatformAdmin();
		}
		VendorSaved saved = catalog.saveVendor(vendor, draft);
		return VendorView.of(saved.vendor(), saved.processorSecret().orElse(null));
	}

	@GetMapping("/{vendor}")
	Map<String, Object> vendor(@PathVariable String vendor) {
		Vendor found = access.requireManaged(vendor);
		return Map.of("vendor", VendorView.of(found, null), "program",
				catalog.findProgram(found.id()).map(p -> ProgramView.of(p, catalog.policies(found.id()))).map(Object.class::cast).orElse(Map.of()),
				"products", catalog.products(found.id()).stream().map(ProductView::of).toList());
	}

	@PutMapping("/{vendor}/program")
	ProgramView saveProgram(@PathVariable String vendor, @RequestBody ProgramDraft draft) {
		Vendor found = access.requireManaged(vendor);
		return ProgramView.of(catalog.saveProgram(found, draft), catalog.policies(found.id()));
	}

	@GetMapping("/{vendor}/program")
	ProgramView program(@PathVariable String vendor) {
		Vendor found = access.requireManaged(vendor);
		return ProgramView.of(catalog.program(found), catalog.policies(found.id()));
	}

	@PutMapping("/{vendor}/products/{sku}")
	ProductView saveProduct(@PathVariable String vendor, @PathVariable String sku, @RequestBody ProductDraft draft) {
		return ProductView.of(catalog.saveProduct(access.requireManaged(vendor), sku, draft));
	}

	@PutMapping("/{vendor}/fx/{currency}/{date}")
	Map<String, String> saveRate(@PathVariable String vendor, @PathVariable String currency,
			@PathVariable String date, @RequestBody RateRequest request) {
		Vendor found = access.requireManaged(vendor);
		BigDecimal rate = catalog.saveExchangeRate(found, currency, date, request.rate());
		return Map.of("currency", currency, "date", date, "rate", rate.toPlainString(), "to",
				found.currency().getCurrencyCode());
	}

	record RateRequest(@Nullable BigDecimal rate) {
	}

	record VendorView(String slug, String name, String timeZone, String currency, List<String> allowedDomains,
			@Nullable String processorSecret) {

		static VendorView of(Vendor vendor, @Nullable String secret) {
			return new VendorView(vendor.slug(), vendor.name(), vendor.timeZone().getId(),
					vendor.currency().getCurrencyCode(), vendor.allowedDomains(), secret);
		}

	}

	record BandView(String name, String from, String rate, boolean internetOnly) {
	}

	record ProgramView(boolean open, List<BandView> bands, String affiliateCap, String internetCap, int cookieDays,
			String minPayout, int trialConversionDays, String termsVersion, String termsText, int payoutDelayMonths,
			Map<String, Boolean> riskRules) {

		static ProgramView of(Program program, ProgramPolicies policies) {
			return new ProgramView(program.open(),
					program.bands()
						.stream()
						.map(b -> new BandView(b.name(), plain(b.lowerBound()), plain(b.rate()), b.internetOnly()))
						.toList(),
					plain(program.affiliateCap()), plain(program.internetCap()), program.cookieDays(),
					program.minPayout().setScale(2).toPlainString(), program.trialConversionDays(),
					program.termsVersion(), program.termsText(), policies.payoutDelayMonths(),
					Map.of("sameAddressOrDomain", policies.sameAddressOrDomain(), "repeatCustomer",
							policies.repeatCustomer(), "refundRate", policies.refundRate()));
		}

	}

	record ProductView(String sku, String name, String price, String currency, @Nullable Integer trialDays) {

		static ProductView of(Product product) {
			return new ProductView(product.sku(), product.name(), product.price().toDecimalString(),
					product.price().currency().getCurrencyCode(), product.trialDays());
		}

	}

	static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
