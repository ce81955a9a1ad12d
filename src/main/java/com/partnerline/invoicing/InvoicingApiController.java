package com.partnerline.invoicing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-billing in the API, beside the payout details and payout account of docs/api.md:
 * a partner's legal details, its agreement per vendor, its invoices (JSON list, PDF);
 * a vendor's legal details (admin token). Another partner's invoice is answered as missing.
 */
@RestController
class InvoicingApiController {

	private final SelfBilling selfBilling;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final VendorAccess access;

	private final CurrentCaller caller;

	private final InvoicePdf pdf;

	InvoicingApiController(SelfBilling selfBilling, PartnerManagement partners, CatalogManagement catalog,
			VendorAccess access, CurrentCaller caller, InvoicePdf pdf) {
		this.selfBilling = selfBilling;
		this.partners = partners;
		this.catalog = catalog;
		this.access = access;
		this.caller = caller;
		this.pdf = pdf;
	}

	@PutMapping("/api/v1/partner/legal-details")
	Map<String, Object> savePartnerDetails(@RequestBody(required = false) @Nullable DetailsForm form) {
		Partner partner = partners.currentPartner();
		return view(selfBilling.savePartnerDetails(partner.id(), details(form)));
	}

	@GetMapping("/api/v1/partner/legal-details")
	Map<String, Object> partnerDetails() {
		Partner partner = partners.currentPartner();
		return selfBilling.partnerDetails(partner.id())
			.map(InvoicingApiController::view)
			.orElseThrow(() -> ApiProblem.notFound("invoicing.error.noDetails"));
	}

	@PostMapping("/api/v1/partner/programs/{vendor}/self-billing")
	Map<String, Object> agree(@PathVariable String vendor, @RequestBody(required = false) @Nullable AgreementForm form) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		Invoice.Agreement agreement = selfBilling.agree(found, partner.id(),
				form == null || form.termsVersion() == null ? "" : form.termsVersion());
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("vendor", found.slug());
		view.put("termsVersion", agreement.termsVersion());
		view.put("agreedAt", agreement.agreedAt().toString());
		if (agreement.contractId() != null) {
			view.put("contractId", agreement.contractId().toString());
		}
		return view;
	}

	@GetMapping("/api/v1/partner/invoices")
	List<Map<String, Object>> invoices() {
		Partner partner = partners.currentPartner();
		return selfBilling.invoicesOf(partner.id()).stream().map(invoice -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("vendor", catalog.findVendor(invoice.vendorId()).map(Vendor::slug).orElse(""));
			view.put("number", invoice.displayNumber());
			view.put("month", invoice.month().toString());
			view.put("issuedOn", invoice.issuedOn().toString());
			view.put("net", invoice.net().toPlainString());
			view.put("vat", invoice.vat().toPlainString());
			view.put("gross", invoice.gross().toPlainString());
			view.put("currency", invoice.currency().getCurrencyCode());
			view.put("vatTreatment", invoice.treatment().name());
			return view;
		}).toList();
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/invoices/{number}")
	ResponseEntity<byte[]> invoicePdf(@PathVariable String vendor, @PathVariable String number) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		Invoice invoice = selfBilling.invoice(found.id(), partner.id(), parse(number))
			.orElseThrow(() -> ApiProblem.notFound("invoicing.error.invoiceNotFound", number));
		return pdf(found, invoice, pdf);
	}

	@PutMapping("/api/v1/admin/vendors/{vendor}/legal-details")
	Map<String, Object> saveVendorDetails(@PathVariable String vendor,
			@RequestBody(required = false) @Nullable DetailsForm form) {
		Vendor found = access.requireManaged(vendor);
		return view(selfBilling.saveVendorDetails(found.id(), details(form), caller.require().actorName()));
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/legal-details")
	Map<String, Object> vendorDetails(@PathVariable String vendor) {
		Vendor found = access.requireManaged(vendor);
		return selfBilling.vendorDetails(found.id())
			.map(InvoicingApiController::view)
			.orElseThrow(() -> ApiProblem.notFound("invoicing.error.noDetails"));
	}

	/** {@code SB-000042} or {@code 42}; anything else is no invoice (404). */
	static long parse(String number) {
		String digits = number.startsWith("SB-") ? number.substring(3) : number;
		if (!digits.matches("\\d{1,12}")) {
			throw ApiProblem.notFound("invoicing.error.invoiceNotFound", number);
		}
		return Long.parseLong(digits);
	}

	static ResponseEntity<byte[]> pdf(Vendor vendor, Invoice invoice, InvoicePdf pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + invoice.filename(vendor.slug()) + "\"")
			.body(pdf.render(invoice, LocaleContextHolder.getLocale()));
	}

	private static LegalDetails details(@Nullable DetailsForm form) {
		DetailsForm sent = form == null ? new DetailsForm(null, null, null, null) : form;
		return new LegalDetails(nn(sent.legalName()), nn(sent.address()), nn(sent.country()), sent.vatId());
	}

	private static String nn(@Nullable String value) {
		return value == null ? "" : value;
	}

	static Map<String, Object> view(LegalDetails details) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("legalName", details.legalName());
		view.put("address", details.address());
		view.put("country", details.country());
		view.put("vatId", details.vatId());
		return view;
	}

	record DetailsForm(@Nullable String legalName, @Nullable String address, @Nullable String country,
			@Nullable String vatId) {
	}

	record AgreementForm(@Nullable String termsVersion) {
	}

}
