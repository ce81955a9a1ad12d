package com.partnerline.partners;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.Caller;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.audit.AuditLog;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Program;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partners module's API: partner accounts, their memberships in vendors'
 * programs and the terms they accepted.
 */
@Service
public class PartnerManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final PartnerStore store;

	private final AccountManagement accounts;

	private final CatalogManagement catalog;

	private final CurrentCaller currentCaller;

	private final AuditLog audit;

	private final Clock clock;

	private final ProposalStore proposals;

	private final org.springframework.context.ApplicationEventPublisher events;

	PartnerManagement(PartnerStore store, AccountManagement accounts, CatalogManagement catalog,
			CurrentCaller currentCaller, AuditLog audit, Clock clock, ProposalStore proposals,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.proposals = proposals;
		this.store = store;
		this.accounts = accounts;
		this.catalog = catalog;
		this.currentCaller = currentCaller;
		this.audit = audit;
		this.clock = clock;
	}

	public PlatformTerms platformTerms() {
		return store.currentPlatformTerms().orElseThrow(() -> new IllegalStateException("No platform terms"));
	}

	/**
	 * Opens a partner account that has accepted the current platform terms.
	 * @param code the public code wanted, or {@literal null} for a generated one
	 * @throws ApiProblem 409 when the email is taken, 422 when the terms version is not the current one
	 */
	@Transactional
	public Partner register(Registration registration, AccountStatus status, @Nullable String code,
			@Nullable String clientAddress) {
		PlatformTerms terms = platformTerms();
		if (!terms.version().equals(registration.acceptTermsVersion())) {
			throw ApiProblem.invalidField("acceptTermsVersion", "partners.termsNotCurrent");
		}
		Account account = accounts.open(new NewAccount(registration.email(), registration.password(),
				registration.name(), Role.PARTNER, status, registration.locale()));
		PartnerId id = new PartnerId(account.id());
		String publicCode = code != null ? code : newCode();
		store.insertPartner(id, publicCode, registration.name(), registration.company(),
				registration.country().toUpperCase(Locale.ROOT), clock.instant());
		store.recordAcceptance(account.id(), null, terms.version(), clock.instant(), clientAddress);
		audit.record(account.email(), null, "PLATFORM_TERMS_ACCEPTED", id.toString(),
				"version " + terms.version() + (clientAddress == null ? "" : " from " + clientAddress));
		return store.byId(id).orElseThrow();
	}

	public Optional<Partner> find(PartnerId id) {
		return store.byId(id);
	}

	public Optional<Partner> findByCode(String code) {
		return store.byCode(code);
	}

	/**
	 * Joins a vendor's program as an affiliate by accepting its current terms.
	 * Joining again is harmless and returns the membership there is.
	 * @throws ApiProblem 422 when the terms version is not the program's current one
	 */
	@Transactional
	public Joined join(PartnerId partnerId, String vendorSlug, @Nullable String acceptTermsVersion,
			@Nullable String clientAddress) {
		Vendor vendor = catalog.vendor(vendorSlug);
		Program program = catalog.program(vendor);
		if (!program.open()) {
			throw ApiProblem.unprocessable("partners.programClosed", vendorSlug);
		}
		Optional<Membership> existing = store.membership(vendor.id(), partnerId);
		if (existing.isPresent()) {
			return new Joined(existing.get(), false);
		}
		if (acceptTermsVersion == null || acceptTermsVersion.isBlank()) {
			throw ApiProblem.invalidField("acceptTermsVersion", "validation.required");
		}
		if (!program.termsVersion().equals(acceptTermsVersion)) {
			throw ApiProblem.invalidField("acceptTermsVersion", "partners.termsNotCurrent");
		}
		Membership membership = new Membership(vendor.id(), partnerId, PartnerType.AFFILIATE, "ACTIVE",
				program.termsVersion(), clock.instant());
		store.insertMembership(membership);
		store.recordAcceptance(partnerId.value(), vendor.id().value(), program.termsVersion(), clock.instant(),
				clientAddress);
		audit.record(actor(partnerId), vendor.id().value(), "PROGRAM_TERMS_ACCEPTED", partnerId.toString(),
				"version " + program.termsVersion() + (clientAddress == null ? "" : " from " + clientAddress));
		events.publishEvent(new PartnerJoined(vendor.id(), partnerId, PartnerType.AFFILIATE.name()));
		return new Joined(store.membership(vendor.id(), partnerId).orElseThrow(), true);
	}

	public Optional<Membership> membership(VendorId vendorId, PartnerId partnerId) {
		return store.membership(vendorId, partnerId);
	}

	public List<Membership> memberships(PartnerId partnerId) {
		return store.memberships(partnerId);
	}

	public List<Membership> membersOf(VendorId vendorId) {
		return store.membersOf(vendorId);
	}

	/**
	 * The partner's contract with the vendor that governed {@code day}, if any (the one in force,
	 * or one superseded since that was in force then): its rate replaces the band rate, its order
	 * processing says whether the partner reports its own sales.
	 */
	public Optional<Contract> contractOn(VendorId vendorId, PartnerId partnerId, java.time.LocalDate day) {
		return proposals.contractOn(vendorId, partnerId, day);
	}

	/**
	 * What the partner was in the vendor's program on {@code day}, and under which contract. An
	 * Internet Partner is one from its contract's start (commission policy: "A contract takes effect
	 * on its start date"); before it the affiliate rules apply: the affiliate cap and the
	 * eligibility flag. A partner made INTERNET without any contract stays INTERNET, at the bands.
	 *
	 * @param memberType the partner's type in the program today
	 */
	public Standing standingOn(VendorId vendorId, PartnerId partnerId, PartnerType memberType,
			java.time.LocalDate day) {
		if (memberType != PartnerType.INTERNET) {
			return new Standing(memberType, null);
		}
		Optional<Contract> contract = contractOn(vendorId, partnerId, day);
		if (contract.isPresent()) {
			return new Standing(PartnerType.INTERNET, contract.get());
		}
		return new Standing(proposals.hasAcceptedContract(vendorId, partnerId) ? PartnerType.AFFILIATE
				: PartnerType.INTERNET, null);
	}

	/** A partner's type on a day and the contract that governed it then, if any. */
	public record Standing(PartnerType type, @Nullable Contract contract) {

		/** The contract's negotiated rate, or {@literal null} for the band's rate. */
		public java.math.@Nullable BigDecimal contractRate() {
			return contract == null ? null : contract.commissionRate();
		}

	}

	/** Makes a partner an Internet Partner of a program; its contract says on what terms. */
	@Transactional
	public void changeType(VendorId vendorId, PartnerId partnerId, PartnerType type) {
		store.updateType(vendorId, partnerId, type);
	}

	/**
	 * The Internet Partner contract in force between a vendor and a partner, if any:
	 * its negotiated rate ({@literal null} means the band's rate), its order processing
	 * (SELF partners file Sales Reports) and its start date, which may lie ahead.
	 */
	public Optional<Contract> activeContract(VendorId vendorId, PartnerId partnerId) {
		return proposals.contract(vendorId, partnerId, "ACCEPTED");
	}

	/**
	 * Changes the partner's name (also its account's display name), company and country.
	 * @throws ApiProblem 422 naming {@code name} or {@code country}
	 */
	@Transactional
	public Partner changeProfile(PartnerId partnerId, @Nullable String name, @Nullable String company,
			@Nullable String country) {
		List<com.partnerline.kernel.FieldProblem> problems = new java.util.ArrayList<>();
		if (name == null || name.isBlank()) {
			problems.add(new com.partnerline.kernel.FieldProblem("name", "validation.required"));
		}
		else if (name.strip().length() > 200) {
			problems.add(new com.partnerline.kernel.FieldProblem("name", "validation.tooLong"));
		}
		if (company != null && company.strip().length() > 200) {
			problems.add(new com.partnerline.kernel.FieldProblem("company", "validation.tooLong"));
		}
		String code = country == null ? "" : country.strip().toUpperCase(java.util.Locale.ROOT);
		if (!java.util.Set.of(java.util.Locale.getISOCountries()).contains(code)) {
			problems.add(new com.partnerline.kernel.FieldProblem("country", "partners.countryUnknown"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		String companyName = company == null || company.isBlank() ? null : company.strip();
		store.updateProfile(partnerId, name.strip(), companyName, code);
		accounts.changeDisplayName(partnerId.value(), name.strip());
		return store.byId(partnerId).orElseThrow();
	}

	/**
	 * The partner making the current request.
	 * @throws ApiProblem 401 without a caller, 403 when the caller is not a partner
	 */
	public Partner currentPartner() {
		Caller caller = currentCaller.require();
		if (caller.role() != Role.PARTNER || caller.accountId() == null) {
			throw ApiProblem.forbidden("partners.notAPartner");
		}
		return store.byId(new PartnerId(caller.accountId()))
			.orElseThrow(() -> ApiProblem.forbidden("partners.notAPartner"));
	}

	/** The current partner's active membership in a vendor's program; 404 when it has none. */
	public Membership currentMembership(Vendor vendor) {
		Partner partner = currentPartner();
		return store.membership(vendor.id(), partner.id())
			.filter(Membership::isActive)
			.orElseThrow(() -> ApiProblem.notFound("partners.notAMember", vendor.slug()));
	}

	private String actor(PartnerId partnerId) {
		return store.byId(partnerId).map(Partner::email).orElse(partnerId.toString());
	}

	private String newCode() {
		String code;
		do {
			StringBuilder builder = new StringBuilder(8);
			for (int i = 0; i < 8; i++) {
				builder.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
			}
			code = builder.toString();
		}
		while (store.codeTaken(code));
		return code;
	}

	/** What a new partner gives at sign-up. */
	public record Registration(String email, String password, String name, @Nullable String company, String country,
			String acceptTermsVersion, Locale locale) {
	}

	/** A membership and whether this call created it. */
	public record Joined(Membership membership, boolean created) {
	}

}
