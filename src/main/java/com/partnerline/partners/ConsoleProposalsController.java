package com.partnerline.partners;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.Caller;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's review of Internet Partner proposals: a queue over the
 * vendors the caller manages (filter, sort, pages), and each proposal beside the
 * partner's track record with the decision form.
 */
@Controller
class ConsoleProposalsController {

	private static final int PAGE_SIZE = 20;

	private final Proposals proposals;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final VendorAccess vendorAccess;

	private final AccountManagement accounts;

	private final CurrentCaller currentCaller;

	private final ObjectProvider<TrackRecord> trackRecord;

	ConsoleProposalsController(Proposals proposals, PartnerManagement partners, CatalogManagement catalog,
			VendorAccess vendorAccess, AccountManagement accounts, CurrentCaller currentCaller,
			ObjectProvider<TrackRecord> trackRecord) {
		this.proposals = proposals;
		this.partners = partners;
		this.catalog = catalog;
		this.vendorAccess = vendorAccess;
		this.accounts = accounts;
		this.currentCaller = currentCaller;
		this.trackRecord = trackRecord;
	}

	@GetMapping("/console/proposals")
	String queue(@RequestParam(required = false) @Nullable String vendor,
			@RequestParam(defaultValue = "SUBMITTED") String status, @RequestParam(defaultValue = "SUBMITTED") String sort,
			@RequestParam(defaultValue = "asc") String direction, @RequestParam(defaultValue = "0") int page,
			Model model) {
		List<Vendor> managed = managedVendors();
		List<Vendor> shown = vendor == null || vendor.isBlank() ? managed
				: managed.stream().filter(v -> v.slug().equals(vendor)).toList();
		ProposalStatus wanted = "ALL".equals(status) ? null : safeStatus(status);
		ProposalStore.QueueSort by = safeSort(sort);
		boolean ascending = !"desc".equalsIgnoreCase(direction);
		ProposalStore.QueuePage result = proposals.queue(shown.stream().map(v -> v.id().value()).toList(), wanted, by,
				ascending, page, PAGE_SIZE);
		Map<Long, Vendor> byId = new LinkedHashMap<>();
		managed.forEach(v -> byId.put(v.id().value(), v));
		model.addAttribute("rows", result.rows()
			.stream()
			.map(row -> new Row(row.proposal(), byId.get(row.proposal().vendorId().value()), row.partnerName(),
					row.partnerCompany()))
			.toList());
		model.addAttribute("vendors", managed);
		model.addAttribute("vendor", vendor == null ? "" : vendor);
		model.addAttribute("status", wanted == null ? "ALL" : wanted.name());
		model.addAttribute("sort", by.name());
		model.addAttribute("direction", ascending ? "asc" : "desc");
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("total", result.total());
		model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("statuses", ProposalStatus.values());
		return "console/proposals/queue";
	}

	@GetMapping("/console/proposals/{id}")
	String proposal(@PathVariable String id, Model model) {
		return detail(model, find(id), Map.of(), null);
	}

	@PostMapping("/console/proposals/{id}/decision")
	String decide(@PathVariable String id, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "") String commissionRate,
			@RequestParam(defaultValue = "") String orderProcessing, @RequestParam(defaultValue = "") String startsOn,
			@RequestParam(defaultValue = "false") boolean overrideCap, Model model, RedirectAttributes redirect) {
		Found found = find(id);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal rate = null;
		if (!commissionRate.isBlank()) {
			try {
				rate = new BigDecimal(commissionRate.trim().replace(',', '.').replace("%", ""));
			}
			catch (NumberFormatException ex) {
				errors.put("contract.commissionRate", "validation.unreadableValue");
			}
		}
		Proposals.Decision request = new Proposals.Decision(decision, comment,
				new Proposals.ContractTerms(rate, orderProcessing, startsOn, overrideCap));
		try {
			if (errors.isEmpty()) {
				proposals.decide(found.vendor(), found.proposal().id(), request, currentCaller.require().actorName());
				redirect.addFlashAttribute("decided", decision);
				return "redirect:/console/proposals/" + found.proposal().id();
			}
		}
		catch (ApiProblem problem) {
			for (FieldProblem error : problem.errors()) {
				errors.putIfAbsent(error.field(), error.message());
			}
			if (errors.isEmpty()) {
				errors.put("form", problem.messageKey());
			}
		}
		return detail(model, found, errors, request);
	}

	private String detail(Model model, Found found, Map<String, String> errors, Proposals.@Nullable Decision request) {
		Proposal proposal = found.proposal();
		Vendor vendor = found.vendor();
		Partner partner = partners.find(proposal.partnerId()).orElseThrow();
		TrackRecord provider = trackRecord.getIfAvailable();
		model.addAttribute("proposal", proposal);
		model.addAttribute("vendor", vendor);
		model.addAttribute("program", catalog.program(vendor));
		model.addAttribute("partner", partner);
		model.addAttribute("membership", partners.membership(vendor.id(), partner.id()).orElse(null));
		model.addAttribute("sales", provider == null ? null : provider.salesSoFar(vendor.id(), partner.id()));
		model.addAttribute("history", proposals.ofPartner(partner, vendor));
		model.addAttribute("contract", proposals.contractOf(proposal).orElse(null));
		model.addAttribute("products", catalog.products(vendor.id()));
		model.addAttribute("errors", errors);
		model.addAttribute("request", request);
		return "console/proposals/detail";
	}

	private Found find(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		// Look in the vendors the caller manages only: another vendor's proposal does not exist for it.
		Long vendorId = proposals.vendorOf(uuid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Vendor vendor = managedVendors().stream()
			.filter(v -> v.id().value() == vendorId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new Found(vendor, proposals.ofVendor(vendor, uuid));
	}

	private List<Vendor> managedVendors() {
		Caller caller = currentCaller.require();
		List<Vendor> vendors = caller.isPlatformAdmin() ? catalog.allVendors()
				: catalog.vendors(accounts.managedVendors(caller.accountId()));
		return vendors.stream().filter(v -> vendorAccess.mayManage(caller, v)).toList();
	}

	private static @Nullable ProposalStatus safeStatus(String status) {
		try {
			return ProposalStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			return ProposalStatus.SUBMITTED;
		}
	}

	private static ProposalStore.QueueSort safeSort(String sort) {
		try {
			return ProposalStore.QueueSort.valueOf(sort);
		}
		catch (IllegalArgumentException ex) {
			return ProposalStore.QueueSort.SUBMITTED;
		}
	}

	record Row(Proposal proposal, Vendor vendor, String partnerName, @Nullable String partnerCompany) {
	}

	private record Found(Vendor vendor, Proposal proposal) {
	}

}
