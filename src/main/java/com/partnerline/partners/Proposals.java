package com.partnerline.partners;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.audit.AuditLog;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Program;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.VendorId;
import com.partnerline.notifications.Mail;
import com.partnerline.notifications.Mailer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Internet Partner track: proposals, the vendor's review, individual contracts
 * and their acceptance. Every decision, contract change and cap override is written
 * to the audit log, and each mail is queued, in the same transaction.
 */
@Service
class Proposals {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final ProposalStore store;

	private final PartnerStore partners;

	private final CatalogManagement catalog;

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final Mailer mailer;

	private final Links links;

	private final Clock clock;

	private final AccountingPeriods periods;

	private final org.springframework.context.ApplicationEventPublisher events;

	Proposals(ProposalStore store, PartnerStore partners, CatalogManagement catalog, AccountManagement accounts,
			AuditLog audit, Mailer mailer, Links links, Clock clock, AccountingPeriods periods,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.periods = periods;
		this.store = store;
		this.partners = partners;
		this.catalog = catalog;
		this.accounts = accounts;
		this.audit = audit;
		this.mailer = mailer;
		this.links = links;
		this.clock = clock;
	}

	/**
	 * Submits a proposal to a vendor.
	 * @throws ApiProblem 422 naming each missing or invalid part, 409 when one is open
	 * already or the partner is an Internet Partner of the vendor
	 */
	@Transactional
	Proposal submit(Partner partner, Vendor vendor, ProposalForm form) {
		validate(vendor, form);
		if (store.contract(vendor.id(), partner.id(), "ACCEPTED").isPresent()) {
			throw ApiProblem.conflict("partners.alreadyInternet", vendor.name());
		}
		if (store.hasOpen(vendor.id(), partner.id())) {
			throw ApiProblem.conflict("partners.proposalOpen", vendor.name());
		}
		UUID id = UUID.randomUUID();
		store.insert(id, vendor.id(), partner.id(), form, clock.instant());
		audit.record(partner.email(), vendor.id().value(), "PROPOSAL_SUBMITTED", id.toString(),
				"commitment " + form.salesPlan().monthlyCommitment().toPlainString());
		notifyManagers(vendor, partner, id, form);
		return store.find(vendor.id(), id).orElseThrow();
	}

	/**
	 * Sends a proposal again after the vendor asked for changes.
	 * @throws ApiProblem 404 when it is not the partner's, 409 when no changes were asked for
	 */
	@Transactional
	Proposal resubmit(Partner partner, Vendor vendor, UUID id, ProposalForm form) {
		Proposal proposal = store.lock(vendor.id(), id)
			.filter(p -> p.partnerId().equals(partner.id()))
			.orElseThrow(() -> ApiProblem.notFound("partners.proposalNotFound"));
		if (proposal.status() != ProposalStatus.CHANGES_REQUESTED) {
			throw ApiProblem.conflict("partners.proposalNotChangeable");
		}
		validate(vendor, form);
		store.resubmit(id, form, clock.instant());
		audit.record(partner.email(), vendor.id().value(), "PROPOSAL_RESUBMITTED", id.toString(),
				"commitment " + form.salesPlan().monthlyCommitment().toPlainString());
		notifyManagers(vendor, partner, id, form);
		return store.find(vendor.id(), id).orElseThrow();
	}

	/** The partner's own proposal; 404 for anyone else's. */
	Proposal ofPartner(Partner partner, Vendor vendor, UUID id) {
		return store.find(vendor.id(), id)
			.filter(p -> p.partnerId().equals(partner.id()))
			.orElseThrow(() -> ApiProblem.notFound("partners.proposalNotFound"));
	}

	List<Proposal> ofPartner(Partner partner, Vendor vendor) {
		return store.ofPartner(vendor.id(), partner.id());
	}

	/** A proposal of a vendor the caller manages (the caller was checked by the controller). */
	Proposal ofVendor(Vendor vendor, UUID id) {
		return store.find(vendor.id(), id).orElseThrow(() -> ApiProblem.notFound("partners.proposalNotFound"));
	}

	/** Which vendor a proposal was sent to, for pages that have only its id. */
	Optional<Long> vendorOf(UUID id) {
		return store.vendorOf(id);
	}

	Optional<Contract> contractOf(Proposal proposal) {
		return store.contractOf(proposal.id());
	}

	Optional<Contract> offeredContract(VendorId vendorId, Partner partner) {
		return store.contract(vendorId, partner.id(), "OFFERED");
	}

	Optional<Contract> activeContract(VendorId vendorId, com.partnerline.kernel.PartnerId partnerId) {
		return store.contract(vendorId, partnerId, "ACCEPTED");
	}

	ProposalStore.QueuePage queue(List<Long> vendorIds, @Nullable ProposalStatus status, ProposalStore.QueueSort sort,
			boolean ascending, int page, int size) {
		return store.queue(vendorIds, status, sort, ascending, Math.max(page, 0), Math.min(Math.max(size, 1), 100));
	}

	/**
	 * Decides a SUBMITTED proposal. Approval offers an individual contract whose rate
	 * may exceed the program's Internet cap only with {@code overrideCap}, which is
	 * audited.
	 * @throws ApiProblem 422 naming each bad field, 409 when the proposal is not waiting for a decision
	 */
	@Transactional
	Proposal decide(Vendor vendor, UUID id, Decision decision, String actor) {
		Proposal proposal = store.lock(vendor.id(), id)
			.orElseThrow(() -> ApiProblem.notFound("partners.proposalNotFound"));
		Program program = catalog.program(vendor);
		List<FieldProblem> problems = new ArrayList<>();
		String kind = decision.decision() == null ? "" : decision.decision().trim();
		if (!Set.of("APPROVE", "REJECT", "REQUEST_CHANGES").contains(kind)) {
			problems.add(new FieldProblem("decision", "partners.decisionInvalid"));
		}
		String comment = decision.comment() == null || decision.comment().isBlank() ? null : decision.comment().trim();
		if (comment == null && (kind.equals("REJECT") || kind.equals("REQUEST_CHANGES"))) {
			problems.add(new FieldProblem("comment", "validation.required"));
		}
		else if (comment != null && comment.length() > 5000) {
			problems.add(new FieldProblem("comment", "validation.tooLong"));
		}
		BigDecimal rate = null;
		OrderProcessing processing = null;
		LocalDate startsOn = null;
		boolean override = false;
		if (kind.equals("APPROVE")) {
			ContractTerms terms = decision.contract();
			if (terms == null) {
				problems.add(new FieldProblem("contract", "validation.required"));
			}
			else {
				override = Boolean.TRUE.equals(terms.overrideCap());
				if (terms.commissionRate() != null) {
					// As in the program settings: a value above one is a percentage.
					rate = terms.commissionRate().compareTo(BigDecimal.ONE) > 0 ? terms.commissionRate().movePointLeft(2)
							: terms.commissionRate();
					if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
						problems.add(new FieldProblem("contract.commissionRate", "partners.rateRange"));
					}
					else if (rate.compareTo(program.internetCap()) > 0 && !override) {
						problems.add(new FieldProblem("contract.commissionRate", "partners.rateAboveCap"));
					}
				}
				if (terms.orderProcessing() == null || terms.orderProcessing().isBlank()) {
					problems.add(new FieldProblem("contract.orderProcessing", "validation.required"));
				}
				else {
					try {
						processing = OrderProcessing.valueOf(terms.orderProcessing().trim());
					}
					catch (IllegalArgumentException ex) {
						problems.add(new FieldProblem("contract.orderProcessing", "partners.orderProcessingInvalid"));
					}
				}
				if (terms.startsOn() == null || terms.startsOn().isBlank()) {
					problems.add(new FieldProblem("contract.startsOn", "validation.required"));
				}
				else {
					try {
						startsOn = LocalDate.parse(terms.startsOn().trim());
						// From its start the contract governs the partner's orders: a start in a closed
						// month would change frozen statements (docs/commission-policy.md).
						if (periods.isClosed(vendor.id(), YearMonth.from(startsOn))) {
							problems.add(new FieldProblem("contract.startsOn", "partners.startsInClosedMonth"));
						}
					}
					catch (DateTimeParseException ex) {
						problems.add(new FieldProblem("contract.startsOn", "validation.isoDate"));
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		if (proposal.status() != ProposalStatus.SUBMITTED) {
			throw ApiProblem.conflict("partners.proposalNotSubmitted");
		}
		Instant now = clock.instant();
		Partner partner = partners.byId(proposal.partnerId()).orElseThrow();
		ProposalStatus status = switch (kind) {
			case "APPROVE" -> ProposalStatus.APPROVED;
			case "REJECT" -> ProposalStatus.REJECTED;
			default -> ProposalStatus.CHANGES_REQUESTED;
		};
		store.decide(id, status, comment, actor, now);
		long vendorId = vendor.id().value();
		audit.record(actor, vendorId, "PROPOSAL_" + status.name(), id.toString(), comment);
		Contract contract = null;
		if (status == ProposalStatus.APPROVED) {
			boolean aboveCap = rate != null && rate.compareTo(program.internetCap()) > 0;
			// An earlier offer the partner has not accepted is replaced by this one.
			store.changeContracts(vendor.id(), partner.id(), "OFFERED", "WITHDRAWN");
			contract = new Contract(UUID.randomUUID(), vendor.id(), partner.id(), id, rate, processing, startsOn,
					"OFFERED", aboveCap, now, null);
			store.insertContract(contract);
			audit.record(actor, vendorId, "CONTRACT_OFFERED", partner.id().toString(),
					"contract " + contract.id() + ", rate " + (rate == null ? "by band" : rate.toPlainString())
							+ ", " + processing + ", starts " + startsOn);
			if (aboveCap) {
				audit.record(actor, vendorId, "RATE_CAP_OVERRIDE", partner.id().toString(), "contract " + contract.id()
						+ ": rate " + rate.toPlainString() + " above Internet cap " + program.internetCap().toPlainString());
			}
		}
		notifyPartner(vendor, partner, kind, comment, contract);
		events.publishEvent(new ProposalDecided(vendor.id(), partner.id(), id, status.name()));
		return store.find(vendor.id(), id).orElseThrow();
	}

	/**
	 * The partner accepts the contract offered to it: it comes into force and the
	 * partner's type in the program becomes INTERNET.
	 * @throws ApiProblem 404 when no contract is offered
	 */
	@Transactional
	Contract acceptContract(Partner partner, Vendor vendor, @Nullable String clientAddress) {
		Contract offered = store.contract(vendor.id(), partner.id(), "OFFERED")
			.orElseThrow(() -> ApiProblem.notFound("partners.noContractOffered", vendor.name()));
		Instant now = clock.instant();
		store.changeContracts(vendor.id(), partner.id(), "ACCEPTED", "SUPERSEDED");
		store.acceptContract(offered.id(), now);
		Optional<Membership> membership = partners.membership(vendor.id(), partner.id());
		if (membership.isEmpty()) {
			// Straight to Internet Partner without joining first: the contract includes the program's terms.
			Program program = catalog.program(vendor);
			partners.insertMembership(new Membership(vendor.id(), partner.id(), PartnerType.INTERNET, "ACTIVE",
					program.termsVersion(), now));
			partners.recordAcceptance(partner.id().value(), vendor.id().value(), program.termsVersion(), now,
					clientAddress);
		}
		else {
			partners.updateType(vendor.id(), partner.id(), PartnerType.INTERNET);
		}
		audit.record(partner.email(), vendor.id().value(), "CONTRACT_ACCEPTED", partner.id().toString(),
				"contract " + offered.id() + (clientAddress == null ? "" : " from " + clientAddress));
		events.publishEvent(new ContractAccepted(vendor.id(), partner.id(), offered.id()));
		return store.contract(vendor.id(), partner.id(), "ACCEPTED").orElseThrow();
	}

	private void validate(Vendor vendor, ProposalForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		ProposalForm.CompanyProfile company = form.companyProfile();
		if (company == null) {
			problems.add(new FieldProblem("companyProfile", "validation.required"));
		}
		else {
			text(company.name(), "companyProfile.name", 200, problems);
			String website = company.website() == null ? "" : company.website().trim();
			if (website.isEmpty()) {
				problems.add(new FieldProblem("companyProfile.website", "validation.required"));
			}
			else if (!website.matches("(?i)https?://[a-z0-9.-]+\\.[a-z]{2,63}(:\\d+)?(/\\S*)?") || website.length() > 300) {
				problems.add(new FieldProblem("companyProfile.website", "validation.url"));
			}
			if (company.country() == null || company.country().isBlank()) {
				problems.add(new FieldProblem("companyProfile.country", "validation.required"));
			}
			else if (!COUNTRIES.contains(company.country().trim().toUpperCase(Locale.ROOT))) {
				problems.add(new FieldProblem("companyProfile.country", "validation.country"));
			}
			if (company.employees() == null) {
				problems.add(new FieldProblem("companyProfile.employees", "validation.required"));
			}
			else if (company.employees() < 1) {
				problems.add(new FieldProblem("companyProfile.employees", "validation.positive"));
			}
			text(company.description(), "companyProfile.description", 5000, problems);
		}
		ProposalForm.SalesPlan sales = form.salesPlan();
		if (sales == null) {
			problems.add(new FieldProblem("salesPlan", "validation.required"));
		}
		else {
			if (sales.monthlyCommitment() == null) {
				problems.add(new FieldProblem("salesPlan.monthlyCommitment", "validation.required"));
			}
			else if (sales.monthlyCommitment().signum() <= 0) {
				problems.add(new FieldProblem("salesPlan.monthlyCommitment", "validation.positive"));
			}
			else if (sales.monthlyCommitment().scale() > 2 || sales.monthlyCommitment().precision() > 17) {
				problems.add(new FieldProblem("salesPlan.monthlyCommitment", "validation.amount"));
			}
			if (sales.lines() == null || sales.lines().isEmpty()) {
				problems.add(new FieldProblem("salesPlan.lines", "partners.linesRequired"));
			}
			else {
				Map<String, Integer> seen = new HashMap<>();
				for (int i = 0; i < sales.lines().size(); i++) {
					ProposalForm.Line line = sales.lines().get(i);
					String field = "salesPlan.lines[" + i + "]";
					if (line == null) {
						problems.add(new FieldProblem(field, "validation.required"));
						continue;
					}
					if (line.sku() == null || line.sku().isBlank()) {
						problems.add(new FieldProblem(field + ".sku", "validation.required"));
					}
					else if (catalog.findProduct(vendor.id(), line.sku().trim()).isEmpty()) {
						problems.add(new FieldProblem(field + ".sku", "partners.unknownSku"));
					}
					else if (seen.put(line.sku().trim(), i) != null) {
						problems.add(new FieldProblem(field + ".sku", "partners.duplicateSku"));
					}
					if (line.quantity() == null) {
						problems.add(new FieldProblem(field + ".quantity", "validation.required"));
					}
					else if (line.quantity() < 1) {
						problems.add(new FieldProblem(field + ".quantity", "validation.positive"));
					}
				}
			}
		}
		ProposalForm.MarketingPlan marketing = form.marketingPlan();
		if (marketing == null) {
			problems.add(new FieldProblem("marketingPlan", "validation.required"));
		}
		else {
			if (marketing.channels() == null || marketing.channels().stream().allMatch(c -> c == null || c.isBlank())) {
				problems.add(new FieldProblem("marketingPlan.channels", "partners.channelsRequired"));
			}
			else if (marketing.channels().size() > 20
					|| marketing.channels().stream().anyMatch(c -> c != null && c.length() > 100)) {
				problems.add(new FieldProblem("marketingPlan.channels", "validation.tooLong"));
			}
			text(marketing.description(), "marketingPlan.description", 5000, problems);
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
	}

	private static void text(@Nullable String value, String field, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		else if (value.length() > max) {
			problems.add(new FieldProblem(field, "validation.tooLong"));
		}
	}

	private void notifyManagers(Vendor vendor, Partner partner, UUID id, ProposalForm form) {
		for (Account manager : accounts.managers(vendor.id().value())) {
			Locale locale = manager.locale();
			mailer.send(new Mail(manager.email(), locale, "proposal-received",
					Map.of("partner", partner.name(), "vendor", vendor.name(), "company",
							form.companyProfile().name(), "commitment",
							Formats.money(form.salesPlan().monthlyCommitment(), vendor.currency(), locale), "link",
							links.to("/console/proposals/" + id)),
					vendor.name()));
		}
	}

	private void notifyPartner(Vendor vendor, Partner partner, String decision, @Nullable String comment,
			@Nullable Contract contract) {
		Locale locale = partner.locale();
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", partner.name());
		variables.put("vendor", vendor.name());
		variables.put("decision", decision);
		variables.put("link", links.to("/panel/programs"));
		if (comment != null) {
			variables.put("comment", comment);
		}
		if (contract != null) {
			if (contract.commissionRate() != null) {
				variables.put("rate", Formats.percent(contract.commissionRate(), locale));
			}
			variables.put("processing", contract.orderProcessing().name());
			variables.put("startsOn", Formats.date(contract.startsOn(), locale));
		}
		mailer.send(new Mail(partner.email(), locale, "proposal-decision", variables, vendor.name()));
	}

	/** The vendor's decision: {@code decision} is APPROVE, REJECT or REQUEST_CHANGES. */
	record Decision(@Nullable String decision, @Nullable String comment, @Nullable ContractTerms contract) {
	}

	/** The contract of an approval; {@code overrideCap} allows a rate above the program's Internet cap. */
	record ContractTerms(@Nullable BigDecimal commissionRate, @Nullable String orderProcessing,
			@Nullable String startsOn, @Nullable Boolean overrideCap) {
	}

}
