package com.partnerline.partners;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Internet Partner track in the API: the partner's proposals and contract
 * acceptance, and the vendor's review queue and decisions. A partner sees only its
 * own proposals and a manager only its vendors'; anything else is 404.
 */
@RestController
class ProposalApiController {

	private final Proposals proposals;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final VendorAccess vendorAccess;

	private final CurrentCaller currentCaller;

	private final ObjectProvider<TrackRecord> trackRecord;

	ProposalApiController(Proposals proposals, PartnerManagement partners, CatalogManagement catalog,
			VendorAccess vendorAccess, CurrentCaller currentCaller, ObjectProvider<TrackRecord> trackRecord) {
		this.proposals = proposals;
		this.partners = partners;
		this.catalog = catalog;
		this.vendorAccess = vendorAccess;
		this.currentCaller = currentCaller;
		this.trackRecord = trackRecord;
	}

	@PostMapping("/api/v1/partner/programs/{vendor}/proposals")
	ResponseEntity<Submitted> submit(@PathVariable String vendor, @RequestBody ProposalForm form) {
		Partner partner = partners.currentPartner();
		Proposal proposal = proposals.submit(partner, catalog.vendor(vendor), form);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Submitted(proposal.id().toString(), proposal.status().name()));
	}

	/** Resubmission after CHANGES_REQUESTED (beyond docs/api.md, which names the status but no call for it). */
	@PutMapping("/api/v1/partner/programs/{vendor}/proposals/{id}")
	Submitted resubmit(@PathVariable String vendor, @PathVariable String id, @RequestBody ProposalForm form) {
		Partner partner = partners.currentPartner();
		Proposal proposal = proposals.resubmit(partner, catalog.vendor(vendor), uuid(id), form);
		return new Submitted(proposal.id().toString(), proposal.status().name());
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/proposals/{id}")
	ProposalView proposal(@PathVariable String vendor, @PathVariable String id) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		Proposal proposal = proposals.ofPartner(partner, found, uuid(id));
		return view(found, proposal, null);
	}

	@PostMapping("/api/v1/partner/programs/{vendor}/contract/accept")
	Accepted accept(@PathVariable String vendor, HttpServletRequest http) {
		Partner partner = partners.currentPartner();
		Vendor found = catalog.vendor(vendor);
		Contract contract = proposals.acceptContract(partner, found, http.getRemoteAddr());
		return new Accepted(found.slug(), PartnerType.INTERNET.name(), ContractView.of(contract));
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/proposals")
	QueueView queue(@PathVariable String vendor, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "SUBMITTED") String sort, @RequestParam(defaultValue = "asc") String direction,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		List<FieldProblem> paging = new ArrayList<>();
		if (page < 0) {
			paging.add(new FieldProblem("page", "validation.notNegative"));
		}
		if (size < 1 || size > 100) {
			paging.add(new FieldProblem("size", "validation.pageSize"));
		}
		if (!paging.isEmpty()) {
			throw ApiProblem.badRequest(paging);
		}
		Vendor found = vendorAccess.requireManaged(vendor);
		ProposalStatus wanted = parseStatus(status);
		ProposalStore.QueueSort by = parseSort(sort);
		ProposalStore.QueuePage result = proposals.queue(List.of(found.id().value()), wanted, by,
				!"desc".equalsIgnoreCase(direction), page, size);
		return new QueueView(result.rows().stream().map(row -> view(found, row.proposal(), null)).toList(), page, size,
				result.total());
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/proposals/{id}")
	ProposalView reviewed(@PathVariable String vendor, @PathVariable String id) {
		Vendor found = vendorAccess.requireManaged(vendor);
		Proposal proposal = proposals.ofVendor(found, uuid(id));
		TrackRecord provider = trackRecord.getIfAvailable();
		TrackRecord.Sales sales = provider == null ? null : provider.salesSoFar(found.id(), proposal.partnerId());
		return view(found, proposal, sales == null ? new SalesView(null, null, 0)
				: new SalesView(sales.volume().amount().toPlainString(), sales.volume().currency().getCurrencyCode(),
						sales.orders()));
	}

	@PostMapping("/api/v1/admin/vendors/{vendor}/proposals/{id}/decision")
	ProposalView decide(@PathVariable String vendor, @PathVariable String id,
			@RequestBody Proposals.Decision decision) {
		Vendor found = vendorAccess.requireManaged(vendor);
		Proposal proposal = proposals.decide(found, uuid(id), decision, currentCaller.require().actorName());
		return view(found, proposal, null);
	}

	static ProposalStatus parseStatus(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return ProposalStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("status", "partners.statusInvalid");
		}
	}

	static ProposalStore.QueueSort parseSort(String sort) {
		try {
			return ProposalStore.QueueSort.valueOf(sort.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("sort", "partners.sortInvalid");
		}
	}

	/** An id that is not a UUID names no proposal: 404 as for any unknown one. */
	static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("partners.proposalNotFound");
		}
	}

	private ProposalView view(Vendor vendor, Proposal proposal, @Nullable SalesView sales) {
		Partner partner = partners.find(proposal.partnerId()).orElseThrow();
		return new ProposalView(proposal.id().toString(), vendor.slug(), partner.id().toString(), partner.name(),
				proposal.status().name(), proposal.vendorComment(), proposal.form().companyProfile(),
				SalesPlanView.of(proposal.form().salesPlan()), proposal.form().marketingPlan(), proposal.submittedAt(),
				proposal.decidedAt(), proposals.contractOf(proposal).map(ContractView::of).orElse(null), sales);
	}

	record Submitted(String proposalId, String status) {
	}

	record ProposalView(String proposalId, String vendor, String partnerId, String partnerName, String status,
			@Nullable String comment, ProposalForm.@Nullable CompanyProfile companyProfile,
			@Nullable SalesPlanView salesPlan, ProposalForm.@Nullable MarketingPlan marketingPlan,
			Instant submittedAt, @Nullable Instant decidedAt, @Nullable ContractView contract,
			@Nullable SalesView trackRecord) {
	}

	record ContractView(String contractId, @Nullable BigDecimal commissionRate, String orderProcessing,
			LocalDate startsOn, String status, boolean capOverride) {

		static ContractView of(Contract contract) {
			return new ContractView(contract.id().toString(), contract.commissionRate(),
					contract.orderProcessing().name(), contract.startsOn(), contract.status(), contract.capOverride());
		}

	}

	/** The sales plan as sent, its commitment a decimal string like every amount of the API. */
	record SalesPlanView(@Nullable String monthlyCommitment, @Nullable List<ProposalForm.Line> lines) {

		static @Nullable SalesPlanView of(ProposalForm.@Nullable SalesPlan plan) {
			if (plan == null) {
				return null;
			}
			return new SalesPlanView(plan.monthlyCommitment() == null ? null : plan.monthlyCommitment().toPlainString(),
					plan.lines());
		}

	}

	record SalesView(@Nullable String volume, @Nullable String currency, long orders) {
	}

	record QueueView(List<ProposalView> items, int page, int size, long total) {
	}

	record Accepted(String vendor, String type, ContractView contract) {
	}

}
