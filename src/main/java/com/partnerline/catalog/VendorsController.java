package com.partnerline.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/vendors}: the vendors whose programs are open to partners. */
@RestController
class VendorsController {

	private final CatalogManagement catalog;

	VendorsController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/vendors")
	List<VendorSummary> vendors() {
		return catalog.vendorsWithOpenPrograms()
			.stream()
			.map(vendor -> new VendorSummary(vendor.slug(), vendor.name(), "/programs/" + vendor.slug(),
					catalog.findProgram(vendor.id()).map(Program::termsVersion).orElse(null)))
			.toList();
	}

	record VendorSummary(String slug, String name, String programUrl, String termsVersion) {
	}

}
