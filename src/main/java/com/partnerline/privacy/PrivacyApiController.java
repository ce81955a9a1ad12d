package com.partnerline.privacy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner's data export ({@code GET /api/v1/partner/export}) and the platform admin's
 * erasures of a partner or a customer email (docs/api.md, Platform).
 */
@RestController
class PrivacyApiController {

	private final PartnerExport export;

	private final Erasure erasure;

	private final PartnerManagement partners;

	private final VendorAccess access;

	private final CurrentCaller caller;

	PrivacyApiController(PartnerExport export, Erasure erasure, PartnerManagement partners, VendorAccess access,
			CurrentCaller caller) {
		this.export = export;
		this.erasure = erasure;
		this.partners = partners;
		this.access = access;
		this.caller = caller;
	}

	@GetMapping("/api/v1/partner/export")
	void export(HttpServletResponse response) throws IOException {
		zip(partners.currentPartner(), export, response);
	}

	@PostMapping("/api/v1/admin/partners/{partnerId}/erasure")
	Map<String, String> erasePartner(@PathVariable String partnerId) {
		access.requirePlatformAdmin();
		PartnerId id;
		try {
			id = PartnerId.of(partnerId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("privacy.partnerNotFound", partnerId);
		}
		Erasure.Erased erased = erasure.erasePartner(id, caller.require().actorName());
		Map<String, String> body = new LinkedHashMap<>();
		body.put("partnerId", id.toString());
		body.put("pseudonym", erased.pseudonym());
		body.put("erasedAt", erased.erasedAt().toString());
		return body;
	}

	@PostMapping("/api/v1/admin/customers/erasure")
	Map<String, String> eraseCustomer(@RequestBody CustomerRequest request) {
		access.requirePlatformAdmin();
		Erasure.Erased erased = erasure.eraseCustomer(request.email(), caller.require().actorName());
		Map<String, String> body = new LinkedHashMap<>();
		body.put("pseudonym", erased.pseudonym());
		body.put("erasedAt", erased.erasedAt().toString());
		return body;
	}

	/**
	 * Writes the zip of everything about {@code partner} as an attachment, in the request's
	 * own thread (read in one transaction before the first byte).
	 */
	static void zip(Partner partner, PartnerExport export, HttpServletResponse response) throws IOException {
		List<PersonalData.Table> tables = export.collect(partner);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("partnerline-export-" + partner.code() + ".zip").build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		export.write(partner.id(), tables, response.getOutputStream());
		response.flushBuffer();
	}

	record CustomerRequest(@Nullable String email) {
	}

}
