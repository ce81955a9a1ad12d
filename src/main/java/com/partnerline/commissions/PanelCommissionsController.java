package com.partnerline.commissions;

import java.time.YearMonth;
import java.util.Optional;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;
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
 * The partner's control panel for commissions: progress toward the next band, the
 * Internet Partner eligibility banner, monthly statements (page and PDF) and payout
 * details.
 */
@Controller
class PanelCommissionsController {

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final CommissionManagement commissions;

	private final CommissionStanding standing;

	private final StatementDocuments documents;

	private final StatementPdf pdf;

	private final PayoutService payouts;

	private final StatementStore statementStore;

	PanelCommissionsController(PartnerManagement partners, CatalogManagement catalog,
			CommissionManagement commissions, CommissionStanding standing, StatementDocuments documents,
			StatementPdf pdf, PayoutService payouts, StatementStore statementStore) {
		this.statementStore = statementStore;
		this.partners = partners;
		this.catalog = catalog;
		this.commissions = commissions;
		this.standing = standing;
		this.documents = documents;
		this.pdf = pdf;
		this.payouts = payouts;
	}

	@GetMapping("/panel/programs/{vendor}/commissions")
	String commissions(@PathVariable String vendor, Model model) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		CommissionManagement.BandProgress progress = commissions.progress(found, partner.id());
		boolean eligible = membership.type() == PartnerType.AFFILIATE && (progress.summary().eligibleForInternet()
				|| standing.eligibleLastClosed(found.id(), partner.id()));
		model.addAttribute("vendor", found);
		model.addAttribute("currency", found.currency().getCurrencyCode());
		model.addAttribute("membership", membership);
		model.addAttribute("progress", progress);
		model.addAttribute("eligible", eligible);
		model.addAttribute("statements", commissions.statementsOf(found.id(), partner.id()));
		return "commissions/panel";
	}

	@GetMapping("/panel/programs/{vendor}/statements/{month}")
	String statement(@PathVariable String vendor, @PathVariable String month, Model model) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		StatementDocument document = documents
			.find(found.id(), partner.id(), CommissionsAdminController.month(month))
			.orElseThrow(() -> ApiProblem.notFound("commissions.statementNotFound", month));
		model.addAttribute("vendor", found);
		model.addAttribute("currency", found.currency().getCurrencyCode());
		model.addAttribute("document", document);
		model.addAttribute("s", document.statement());
		model.addAttribute("payoutMonth", statementStore.payoutMonth(document.statement().id()));
		return "commissions/statement";
	}

	@GetMapping("/panel/programs/{vendor}/statements/{month}/pdf")
	ResponseEntity<byte[]> statementPdf(@PathVariable String vendor, @PathVariable String month) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		YearMonth wanted = CommissionsAdminController.month(month);
		StatementDocument document = documents.find(found.id(), partner.id(), wanted)
			.orElseThrow(() -> ApiProblem.notFound("commissions.statementNotFound", month));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"statement-" + found.slug() + "-" + wanted + ".pdf\"")
			.body(pdf.render(found, partner, document, statementStore.payoutMonth(document.statement().id()),
					LocaleContextHolder.getLocale()));
	}

	@GetMapping("/panel/payout-details")
	String payoutDetails(Model model) {
		Partner partner = partners.currentPartner();
		Optional<PayoutDetails> details = payouts.details(partner.id());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", details.map(d -> new Form(d.method(), d.accountHolder(), d.iban(), d.bic(),
					d.email())).orElse(new Form("BANK", null, null, null, null)));
		}
		return "commissions/payout-details";
	}

	@PostMapping("/panel/payout-details")
	String savePayoutDetails(@RequestParam(required = false) @Nullable String method,
			@RequestParam(required = false) @Nullable String accountHolder,
			@RequestParam(required = false) @Nullable String iban, @RequestParam(required = false) @Nullable String bic,
			@RequestParam(required = false) @Nullable String email, Model model, RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		try {
			payouts.saveDetails(partner.id(), method, accountHolder, iban, bic, email);
		}
		catch (ApiProblem problem) {
			model.addAttribute("form", new Form(method, accountHolder, iban, bic, email));
			model.addAttribute("errors", problem.errors());
			return "commissions/payout-details";
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/panel/payout-details";
	}

	record Form(@Nullable String method, @Nullable String accountHolder, @Nullable String iban, @Nullable String bic,
			@Nullable String email) {
	}

}
