package com.partnerline.partners;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.partners.PartnerManagement.Joined;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The partner's own account and program memberships: {@code /api/v1/partner/me} and joining. */
@RestController
class PartnerApiController {

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final ObjectProvider<ProgramStanding> standing;

	PartnerApiController(PartnerManagement partners, CatalogManagement catalog,
			ObjectProvider<ProgramStanding> standing) {
		this.partners = partners;
		this.catalog = catalog;
		this.standing = standing;
	}

	@GetMapping("/api/v1/partner/me")
	Me me() {
		Partner partner = partners.currentPartner();
		ProgramStanding standings = standing.getIfAvailable();
		List<ProgramView> programs = partners.memberships(partner.id()).stream().map(membership -> {
			String vendor = catalog.findVendor(membership.vendorId()).map(v -> v.slug()).orElse("?");
			ProgramStanding.Standing current = standings == null ? null
					: standings.current(membership.vendorId(), partner.id());
			return new ProgramView(vendor, membership.type().name(), membership.status(),
					current == null ? null : current.band(), current != null && current.eligibleForInternet());
		}).toList();
		return new Me(partner.id().toString(), partner.code(), partner.email(), partner.name(), programs);
	}

	@PostMapping("/api/v1/partner/programs")
	ResponseEntity<Map<String, String>> join(@Valid @RequestBody JoinRequest request, HttpServletRequest http) {
		Partner partner = partners.currentPartner();
		Joined joined = partners.join(partner.id(), request.vendor(), request.acceptTermsVersion(),
				http.getRemoteAddr());
		return ResponseEntity.status(joined.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(Map.of("vendor", request.vendor(), "type", joined.membership().type().name(), "status",
					joined.membership().status()));
	}

	record JoinRequest(@NotBlank String vendor, @Nullable String acceptTermsVersion) {
	}

	record ProgramView(String vendor, String type, String status, @Nullable String band,
			boolean eligibleForInternet) {
	}

	record Me(String partnerId, String code, String email, String name, List<ProgramView> programs) {
	}

}
