package com.partnerline.partners;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Program;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's control panel: its programs with their proposals and contracts, the
 * open programs it can join, and the Internet Partner proposal form.
 */
@Controller
class PanelController {

	/** Marketing channels the form offers; the API takes any text. */
	static final List<String> CHANNELS = List.of("WEBSITE", "SEARCH", "EMAIL", "SOCIAL", "PAID_ADS", "RETAIL", "EVENTS");

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final Proposals proposals;

	PanelController(PartnerManagement partners, CatalogManagement catalog, Proposals proposals) {
		this.partners = partners;
		this.catalog = catalog;
		this.proposals = proposals;
	}

	/**
	 * The panel's home is the partner dashboard of its first active program (the dashboard
	 * switches between programs); a partner in no program yet gets the programs list, which
	 * tells how to join.
	 */
	@GetMapping("/panel")
	String home(Model model) {
		Partner partner = partners.currentPartner();
		Optional<Vendor> first = partners.memberships(partner.id())
			.stream()
			.filter(Membership::isActive)
			.map(m -> catalog.findVendor(m.vendorId()))
			.flatMap(Optional::stream)
			.findFirst();
		if (first.isPresent()) {
			return "redirect:/panel/programs/" + first.get().slug() + "/dashboard";
		}
		return panel(model);
	}

	/** The partner's programs with their proposals and contracts, and the programs it can join. */
	@GetMapping("/panel/programs")
	String panel(Model model) {
		Partner partner = partners.currentPartner();
		List<Membership> memberships = partners.memberships(partner.id());
		Set<VendorId> joined = memberships.stream().map(Membership::vendorId).collect(Collectors.toSet());
		model.addAttribute("partner", partner);
		model.addAttribute("programs", memberships.stream().map(m -> {
			Vendor vendor = catalog.findVendor(m.vendorId()).orElseThrow();
			List<Proposal> mine = proposals.ofPartner(partner, vendor);
			return new MemberProgram(vendor, m, mine.isEmpty() ? null : mine.get(0),
					proposals.offeredContract(vendor.id(), partner).orElse(null),
					proposals.activeContract(vendor.id(), partner.id()).orElse(null));
		}).toList());
		model.addAttribute("joinable", catalog.vendorsWithOpenPrograms()
			.stream()
			.filter(vendor -> !joined.contains(vendor.id()))
			.map(vendor -> new OpenProgram(vendor, catalog.program(vendor)))
			.toList());
		return "panel/index";
	}

	@PostMapping("/panel/programs")
	String join(@RequestParam String vendor, @RequestParam(required = false) String acceptTermsVersion,
			HttpServletRequest request, RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		partners.join(partner.id(), vendor, acceptTermsVersion, request.getRemoteAddr());
		redirect.addFlashAttribute("joined", catalog.vendor(vendor).name());
		return "redirect:/panel/programs";
	}

	@GetMapping("/panel/programs/{vendor}/proposal")
	String proposalForm(@PathVariable String vendor, Model model) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		Optional<Proposal> changing = proposals.ofPartner(partner, found)
			.stream()
			.filter(p -> p.status() == ProposalStatus.CHANGES_REQUESTED)
			.findFirst();
		ProposalForm form = changing.map(Proposal::form).orElse(new ProposalForm(
				new ProposalForm.CompanyProfile(partner.company(), null, partner.country(), null, null),
				new ProposalForm.SalesPlan(null, List.of()), new ProposalForm.MarketingPlan(List.of(), null)));
		return proposalPage(model, found, form, changing.orElse(null), Map.of());
	}

	@PostMapping("/panel/programs/{vendor}/proposal")
	String submitProposal(@PathVariable String vendor, @RequestParam Map<String, String> params,
			@RequestParam(name = "sku", required = false) @Nullable List<String> skus,
			@RequestParam(name = "quantity", required = false) @Nullable List<String> quantities,
			@RequestParam(name = "channels", required = false) @Nullable List<String> channels, Model model,
			RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		Map<String, String> errors = new LinkedHashMap<>();
		List<ProposalForm.Line> lines = new ArrayList<>();
		for (int i = 0; skus != null && i < skus.size(); i++) {
			String quantity = quantities != null && i < quantities.size() ? quantities.get(i) : null;
			if (skus.get(i) == null || skus.get(i).isBlank()) {
				continue;
			}
			lines.add(new ProposalForm.Line(skus.get(i), integer(quantity, "salesPlan.lines[" + lines.size() + "].quantity", errors)));
		}
		ProposalForm form = new ProposalForm(
				new ProposalForm.CompanyProfile(params.get("companyName"), params.get("website"), params.get("country"),
						integer(params.get("employees"), "companyProfile.employees", errors), params.get("companyDescription")),
				new ProposalForm.SalesPlan(decimal(params.get("monthlyCommitment"), errors), lines),
				new ProposalForm.MarketingPlan(channels == null ? List.of() : channels, params.get("marketingDescription")));
		Proposal changing = proposals.ofPartner(partner, found)
			.stream()
			.filter(p -> p.status() == ProposalStatus.CHANGES_REQUESTED)
			.findFirst()
			.orElse(null);
		try {
			if (changing != null) {
				proposals.resubmit(partner, found, changing.id(), form);
			}
			else {
				proposals.submit(partner, found, form);
			}
		}
		catch (ApiProblem problem) {
			for (FieldProblem error : problem.errors()) {
				errors.putIfAbsent(error.field(), error.message());
			}
			if (errors.isEmpty()) {
				errors.put("form", problem.messageKey());
			}
			return proposalPage(model, found, form, changing, errors);
		}
		redirect.addFlashAttribute("proposalSent", found.name());
		return "redirect:/panel/programs";
	}

	@PostMapping("/panel/programs/{vendor}/contract/accept")
	String acceptContract(@PathVariable String vendor, HttpServletRequest request, RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		proposals.acceptContract(partner, found, request.getRemoteAddr());
		redirect.addFlashAttribute("contractAccepted", found.name());
		return "redirect:/panel/programs";
	}

	private String proposalPage(Model model, Vendor vendor, ProposalForm form, @Nullable Proposal changing,
			Map<String, String> errors) {
		model.addAttribute("vendor", vendor);
		model.addAttribute("form", form);
		model.addAttribute("changing", changing);
		model.addAttribute("errors", errors);
		model.addAttribute("products", catalog.products(vendor.id()));
		model.addAttribute("channels", CHANNELS);
		List<ProposalForm.Line> lines = new ArrayList<>(
				form.salesPlan() == null || form.salesPlan().lines() == null ? List.of() : form.salesPlan().lines());
		while (lines.size() < 3) {
			lines.add(new ProposalForm.Line(null, null));
		}
		model.addAttribute("lines", lines);
		return "panel/proposal";
	}

	private static @Nullable Integer integer(@Nullable String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "validation.unreadableValue");
			return null;
		}
	}

	private static @Nullable BigDecimal decimal(@Nullable String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.trim().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			errors.put("salesPlan.monthlyCommitment", "validation.unreadableValue");
			return null;
		}
	}

	record MemberProgram(Vendor vendor, Membership membership, @Nullable Proposal latestProposal,
			@Nullable Contract offeredContract, @Nullable Contract activeContract) {

		/** A partner may apply when it is not an Internet Partner and has no proposal under review. */
		public boolean mayApply() {
			return membership.type() == PartnerType.AFFILIATE
					&& (latestProposal == null || !latestProposal.status().isOpen() || latestProposal.status() == ProposalStatus.CHANGES_REQUESTED)
					&& offeredContract == null;
		}

	}

	record OpenProgram(Vendor vendor, Program program) {
	}

}
