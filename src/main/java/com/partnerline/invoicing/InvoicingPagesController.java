package com.partnerline.invoicing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.CsvWriter;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self-billing pages: the partner's legal details, agreements and invoices in the control
 * panel; the vendor's legal details and invoices (paged, CSV) in the console.
 */
@Controller
class InvoicingPagesController {

	private final SelfBilling selfBilling;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final VendorAccess access;

	private final CurrentCaller caller;

	private final InvoicePdf pdf;

	InvoicingPagesController(SelfBilling selfBilling, PartnerManagement partners, CatalogManagement catalog,
			VendorAccess access, CurrentCaller caller, InvoicePdf pdf) {
		this.selfBilling = selfBilling;
		this.partners = partners;
		this.catalog = catalog;
		this.access = access;
		this.caller = caller;
		this.pdf = pdf;
	}

	// --- control panel

	@GetMapping("/panel/legal-details")
	String legalDetails(Model model) {
		Partner partner = partners.currentPartner();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", selfBilling.partnerDetails(partner.id())
				.map(d -> new Form(d.legalName(), d.address(), d.country(), d.vatId()))
				.orElse(new Form(partner.company() == null ? "" : partner.company(), "", partner.country(), "")));
		}
		return panelPage(partner, model);
	}

	@PostMapping("/panel/legal-details")
	String saveLegalDetails(@RequestParam(required = false) @Nullable String legalName,
			@RequestParam(required = false) @Nullable String address,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable String vatId, Model model, RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		Form form = new Form(legalName, address, country, vatId);
		try {
			selfBilling.savePartnerDetails(partner.id(), form.details());
		}
		catch (ApiProblem problem) {
			model.addAttribute("form", form);
			model.addAttribute("errors", problem.errors());
			return panelPage(partner, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/panel/legal-details";
	}

	@PostMapping("/panel/legal-details/agreement")
	String agree(@RequestParam String vendor, @RequestParam(required = false) @Nullable String agree,
			RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		if (agree == null) {
			redirect.addFlashAttribute("agreementMissing", found.slug());
			return "redirect:/panel/legal-details";
		}
		try {
			selfBilling.agree(found, partner.id(), SelfBilling.TERMS_VERSION);
			redirect.addFlashAttribute("agreed", found.name());
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("agreementMissing", found.slug());
		}
		return "redirect:/panel/legal-details";
	}

	private String panelPage(Partner partner, Model model) {
		boolean hasDetails = selfBilling.partnerDetails(partner.id()).isPresent();
		List<Program> programs = new ArrayList<>();
		for (Membership membership : partners.memberships(partner.id())) {
			catalog.findVendor(membership.vendorId())
				.ifPresent(vendor -> programs.add(new Program(vendor.slug(), vendor.name(),
						selfBilling.agreement(vendor.id(), partner.id()).orElse(null))));
		}
		programs.sort(Comparator.comparing(Program::name));
		model.addAttribute("hasDetails", hasDetails);
		model.addAttribute("programs", programs);
		model.addAttribute("countries", countries(LocaleContextHolder.getLocale()));
		model.addAttribute("termsVersion", SelfBilling.TERMS_VERSION);
		model.addAttribute("invoices", rows(selfBilling.invoicesOf(partner.id())));
		return "invoicing/legal-details";
	}

	@GetMapping("/panel/invoices/{vendor}/{number}/pdf")
	ResponseEntity<byte[]> panelPdf(@PathVariable String vendor, @PathVariable String number) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		Invoice invoice = selfBilling.invoice(found.id(), partner.id(), InvoicingApiController.parse(number))
			.orElseThrow(() -> ApiProblem.notFound("invoicing.error.invoiceNotFound", number));
		return InvoicingApiController.pdf(found, invoice, pdf);
	}

	// --- console

	@GetMapping("/console/vendors/{vendor}/invoices")
	String console(@PathVariable String vendor, @RequestParam(defaultValue = "0") int page, Model model) {
		Vendor found = access.requireManaged(vendor);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", selfBilling.vendorDetails(found.id())
				.map(d -> new Form(d.legalName(), d.address(), d.country(), d.vatId()))
				.orElse(new Form(found.name(), "", "", "")));
		}
		return consolePage(found, Math.max(0, page), model);
	}

	@PostMapping("/console/vendors/{vendor}/legal-details")
	String saveVendorDetails(@PathVariable String vendor, @RequestParam(required = false) @Nullable String legalName,
			@RequestParam(required = false) @Nullable String address,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable String vatId, Model model, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		Form form = new Form(legalName, address, country, vatId);
		try {
			selfBilling.saveVendorDetails(found.id(), form.details(), caller.require().actorName());
		}
		catch (ApiProblem problem) {
			model.addAttribute("form", form);
			model.addAttribute("errors", problem.errors());
			return consolePage(found, 0, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/console/vendors/" + found.slug() + "/invoices";
	}

	private String consolePage(Vendor vendor, int page, Model model) {
		List<Invoice> invoices = selfBilling.invoicesOf(vendor.id(), page);
		model.addAttribute("vendor", vendor);
		model.addAttribute("hasDetails", selfBilling.vendorDetails(vendor.id()).isPresent());
		model.addAttribute("countries", countries(LocaleContextHolder.getLocale()));
		model.addAttribute("invoices", rows(invoices.stream().limit(SelfBilling.PAGE_SIZE).toList()));
		model.addAttribute("page", page);
		model.addAttribute("hasNext", invoices.size() > SelfBilling.PAGE_SIZE);
		return "invoicing/console";
	}

	@GetMapping("/console/vendors/{vendor}/invoices/{number}/pdf")
	ResponseEntity<byte[]> consolePdf(@PathVariable String vendor, @PathVariable String number) {
		Vendor found = access.requireManaged(vendor);
		Invoice invoice = selfBilling.invoice(found.id(), InvoicingApiController.parse(number))
			.orElseThrow(() -> ApiProblem.notFound("invoicing.error.invoiceNotFound", number));
		return InvoicingApiController.pdf(found, invoice, pdf);
	}

	@GetMapping("/console/vendors/{vendor}/invoices.csv")
	ResponseEntity<byte[]> consoleCsv(@PathVariable String vendor) {
		Vendor found = access.requireManaged(vendor);
		StringBuilder out = new StringBuilder();
		try (CsvWriter csv = new CsvWriter(out, "number", "month", "issued_on", "partner_id", "supplier", "vat_id",
				"country", "currency", "net", "vat_treatment", "vat_rate", "vat", "gross", "paid_with_batch_of")) {
			int page = 0;
			List<Invoice> batch;
			do {
				batch = selfBilling.invoicesOf(found.id(), page++);
				for (Invoice i : batch.stream().limit(SelfBilling.PAGE_SIZE).toList()) {
					csv.row(i.displayNumber(), i.month(), i.issuedOn(), i.partnerId(), i.supplier().legalName(),
							i.supplier().vatId(), i.supplier().country(), i.currency().getCurrencyCode(),
							i.net().toPlainString(), i.treatment().name(),
							i.vatRate() == null ? null : i.vatRate().toPlainString(), i.vat().toPlainString(),
							i.gross().toPlainString(), i.payoutMonth());
				}
			}
			while (batch.size() > SelfBilling.PAGE_SIZE);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoices-" + found.slug() + ".csv\"")
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	// --- shared

	private List<Row> rows(List<Invoice> invoices) {
		Map<Long, String> slugs = new LinkedHashMap<>();
		return invoices.stream()
			.map(i -> new Row(i, slugs.computeIfAbsent(i.vendorId().value(),
					id -> catalog.findVendor(i.vendorId()).map(Vendor::slug).orElse("")),
					catalog.findVendor(i.vendorId()).map(Vendor::name).orElse(""), i.displayNumber()))
			.toList();
	}

	/** ISO country codes with their names in the page's language, sorted by name. */
	static List<Map.Entry<String, String>> countries(Locale locale) {
		return java.util.Arrays.stream(Locale.getISOCountries())
			.map(code -> Map.entry(code, new Locale("", code).getDisplayCountry(locale)))
			.sorted(Map.Entry.comparingByValue(java.text.Collator.getInstance(locale)))
			.toList();
	}

	record Program(String slug, String name, Invoice.@Nullable Agreement agreement) {
	}

	/** @param number as printed, {@code SB-000042} */
	record Row(Invoice invoice, String vendorSlug, String vendorName, String number) {
	}

	record Form(@Nullable String legalName, @Nullable String address, @Nullable String country,
			@Nullable String vatId) {

		LegalDetails details() {
			return new LegalDetails(legalName == null ? "" : legalName, address == null ? "" : address,
					country == null ? "" : country, vatId);
		}

	}

}
