package com.partnerline.catalog;

import java.util.List;

import com.partnerline.kernel.PublicUrl;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/vendors}: the vendors whose programs are open to partners; {@code programUrl} is
 * absolute, under the configured public address, like every link the API hands out.
 */
@RestController
class VendorsController {

	private final CatalogManagement catalog;

	private final PublicUrl publicUrl;

	VendorsController(CatalogManagement catalog, PublicUrl publicUrl) {
		this.catalog = catalog;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/api/v1/vendors")
	List<VendorSummary> vendors() {
		return catalog.vendorsWithOpenPrograms()
			.stream()
			.map(vendor -> new VendorSummary(vendor.slug(), vendor.name(), publicUrl.link("/programs/" + vendor.slug()),
					catalog.findProgram(vendor.id()).map(Program::termsVersion).orElse(null)))
			.toList();
	}

	record VendorSummary(String slug, String name, String programUrl, String termsVersion) {
	}

}
