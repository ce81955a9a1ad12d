package com.partnerline.commissions;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API of docs/api.md for commissions: its own statements (JSON or PDF) and
 * its payout details. A statement that is not the caller's is answered as missing.
 */
@RestController
class PartnerCommissionsController {

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final CommissionManagement commissions;

	private final StatementDocuments documents;

	private final StatementPdf pdf;

	private final PayoutService payouts;

	private final StatementStore statementStore;

	PartnerCommissionsController(PartnerManagement partners, CatalogManagement catalog,
			CommissionManagement commissions, StatementDocuments documents, StatementPdf pdf, PayoutService payouts,
			StatementStore statementStore) {
		this.statementStore = statementStore;
		this.partners = partners;
		this.catalog = catalog;
		this.commissions = commissions;
		this.documents = documents;
		this.pdf = pdf;
		this.payouts = payouts;
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/statements")
	List<Map<String, Object>> statements(@PathVariable String vendor) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		return commissions.statementsOf(found.id(), partner.id())
			.stream()
			.map(s -> Map.<String, Object>of("month", s.month().toString(), "band", s.band(), "commission",
					Json.amount(s.commission(), s.currency()), "payable", Json.amount(s.payable(), s.currency()),
					"currency", s.currency().getCurrencyCode()))
			.toList();
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/statements/{month}")
	ResponseEntity<?> statement(@PathVariable String vendor, @PathVariable String month,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		YearMonth wanted = CommissionsAdminController.month(month);
		StatementDocument document = documents.find(found.id(), partner.id(), wanted)
			.orElseThrow(() -> ApiProblem.notFound("commissions.statementNotFound", month));
		if (accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
			return pdfResponse(found, partner, document);
		}
		return ResponseEntity
			.ok(StatementJson.of(found, document, statementStore.payoutMonth(document.statement().id())));
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/statements/{month}/pdf")
	ResponseEntity<byte[]> statementPdf(@PathVariable String vendor, @PathVariable String month) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		StatementDocument document = documents
			.find(found.id(), partner.id(), CommissionsAdminController.month(month))
			.orElseThrow(() -> ApiProblem.notFound("commissions.statementNotFound", month));
		return pdfResponse(found, partner, document);
	}

	private ResponseEntity<byte[]> pdfResponse(Vendor vendor, Partner partner, StatementDocument document) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + vendor.slug() + "-"
					+ document.statement().month() + ".pdf\"")
			.body(pdf.render(vendor, partner, document, statementStore.payoutMonth(document.statement().id()),
					LocaleContextHolder.getLocale()));
	}

	@PutMapping("/api/v1/partner/payout-details")
	Map<String, Object> saveDetails(@RequestBody DetailsRequest request) {
		Partner partner = partners.currentPartner();
		return view(payouts.saveDetails(partner.id(), request.method(), request.accountHolder(), request.iban(),
				request.bic(), request.email()));
	}

	@GetMapping("/api/v1/partner/payout-details")
	Map<String, Object> details() {
		Partner partner = partners.currentPartner();
		return payouts.details(partner.id())
			.map(PartnerCommissionsController::view)
			.orElseThrow(() -> ApiProblem.notFound("commissions.payout.none"));
	}

	private static Map<String, Object> view(PayoutDetails details) {
		Map<String, Object> view = new java.util.LinkedHashMap<>();
		view.put("method", details.method());
		if (details.accountHolder() != null) {
			view.put("accountHolder", details.accountHolder());
			view.put("iban", details.iban());
			view.put("bic", details.bic());
		}
		if (details.email() != null) {
			view.put("email", details.email());
		}
		return view;
	}

	record DetailsRequest(@Nullable String method, @Nullable String accountHolder, @Nullable String iban,
			@Nullable String bic, @Nullable String email) {
	}

}
