package com.partnerline.partners;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/terms}: the current platform terms. */
@RestController
class TermsController {

	private final PartnerManagement partners;

	TermsController(PartnerManagement partners) {
		this.partners = partners;
	}

	@GetMapping("/api/v1/terms")
	PlatformTerms terms() {
		return partners.platformTerms();
	}

}
