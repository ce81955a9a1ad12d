package com.partnerline.trials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Product;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.tracking.ReferralClaim;
import com.partnerline.tracking.ResolvedReferral;
import com.partnerline.tracking.TrackingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The trials module's API: issues signed trial licences (one per email and product),
 * checks licence keys, and answers the orders module which partner a customer's trial
 * came through and which trials a purchase converts.
 */
@Service
public class TrialManagement {

	static final Set<String> LANGUAGES = Set.of("en", "ru", "fr", "de");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Trials trials;

	private final SigningKeys keys;

	private final CatalogManagement catalog;

	private final TrackingManagement tracking;

	private final PartnerManagement partners;

	private final TrialSettings settings;

	private final Clock clock;

	TrialManagement(Trials trials, SigningKeys keys, CatalogManagement catalog, TrackingManagement tracking,
			PartnerManagement partners, TrialSettings settings, Clock clock) {
		this.trials = trials;
		this.keys = keys;
		this.catalog = catalog;
		this.tracking = tracking;
		this.partners = partners;
		this.settings = settings;
		this.clock = clock;
	}

	/** What a customer asks for: a trial of {@code sku} of {@code vendor}, through {@code ref} or the cookie's click. */
	record TrialRequest(@Nullable String vendor, @Nullable String sku, @Nullable String email, @Nullable String ref,
			@Nullable String cookieClickId, Locale locale) {
	}

	record IssuedTrial(String licenseKey, Instant expiresAt, Vendor vendor, Product product,
			@Nullable PartnerId partnerId) {
	}

	/**
	 * Issues a trial licence valid for the product's trial days from now.
	 * @throws ApiProblem 422 naming {@code vendor}, {@code sku} or {@code email}; 409 when that
	 * email already had a trial of that product; nothing is stored then
	 */
	@Transactional
	IssuedTrial issue(TrialRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		String vendorSlug = text(request.vendor(), "vendor", 64, problems);
		String sku = text(request.sku(), "sku", 64, problems);
		String email = text(request.email(), "email", 320, problems);
		String ref = request.ref() == null || request.ref().isBlank() ? null : request.ref().trim();
		if (email != null && !EMAIL.matcher(email).matches()) {
			problems.add(new FieldProblem("email", "trials.emailInvalid"));
		}
		if (ref != null && (ref.length() > 64 || hasControlCharacter(ref))) {
			problems.add(new FieldProblem("ref", "trials.refInvalid"));
		}
		Vendor vendor = vendorSlug == null ? null : catalog.findVendor(vendorSlug).orElse(null);
		if (vendorSlug != null && vendor == null) {
			problems.add(new FieldProblem("vendor", "trials.vendorUnknown"));
		}
		Product product = vendor == null || sku == null ? null : catalog.findProduct(vendor.id(), sku).orElse(null);
		if (vendor != null && sku != null) {
			if (product == null) {
				problems.add(new FieldProblem("sku", "trials.skuUnknown"));
			}
			else if (!product.offersTrial()) {
				problems.add(new FieldProblem("sku", "trials.noTrial"));
			}
		}
		if (!problems.isEmpty() || vendor == null || product == null || email == null) {
			throw ApiProblem.invalid(problems);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		ResolvedReferral referral = referral(vendor, ref, request.cookieClickId(), now);
		Instant expiresAt = product.trialEnd(now, vendor.timeZone());
		UUID id = UUID.randomUUID();
		String licenseKey = LicenseKeys.sign(
				new LicenseKeys.Payload(vendor.slug(), product.sku(), "TRIAL", id, expiresAt),
				keys.of(vendor.id()).privateKey());
		String language = LANGUAGES.contains(request.locale().getLanguage()) ? request.locale().getLanguage() : "en";
		// the program's window (policy: a per-vendor setting), the platform's default without a program
		Duration conversionWindow = catalog.findProgram(vendor.id())
			.map(program -> Duration.ofDays(program.trialConversionDays()))
			.orElse(settings.conversionWindow());
		Trial trial = new Trial(id, vendor.id(), product.sku(), email.toLowerCase(Locale.ROOT), language,
				referral.partnerId(), referral.clickId(), now, expiresAt, now.plus(conversionWindow), licenseKey);
		if (!trials.insert(trial)) {
			throw ApiProblem.conflict("trials.duplicate", product.name());
		}
		return new IssuedTrial(licenseKey, expiresAt, vendor, product, referral.partnerId());
	}

	/**
	 * The partner a trial started now is credited to: {@code ref} as a click id (the
	 * {@code plc} a partner link added) or a link code, then the {@code pl_ref} cookie's
	 * click within the cookie window, as tracking attributes orders; last {@code ref} as a
	 * partner's public code, if that partner is in the vendor's program.
	 */
	private ResolvedReferral referral(Vendor vendor, @Nullable String ref, @Nullable String cookieClickId,
			Instant now) {
		ResolvedReferral resolved = tracking.resolve(vendor, new ReferralClaim(null, ref, ref, null, cookieClickId),
				now);
		if (resolved.partnerId() != null || ref == null) {
			return resolved;
		}
		Optional<Partner> partner = partners.findByCode(ref)
			.filter(p -> partners.membership(vendor.id(), p.id()).isPresent());
		return partner.map(p -> new ResolvedReferral(p.id(), resolved.source(), null, null)).orElse(resolved);
	}

	/** What the licence check answers: the key's product and kind, its expiry, and whether it holds now. */
	record LicenseStatus(@Nullable String sku, @Nullable String kind, @Nullable Instant expiresAt, boolean valid) {

		static final LicenseStatus INVALID = new LicenseStatus(null, null, null, false);

	}

	/** Checks a licence key now. */
	LicenseStatus check(String licenseKey) {
		return check(licenseKey, clock.instant());
	}

	/**
	 * Checks a licence key at {@code at}: a key is valid when the vendor's signature over
	 * it holds, the licence was issued here, and it has not expired. A tampered or unknown
	 * key says nothing of itself.
	 */
	LicenseStatus check(String licenseKey, Instant at) {
		Optional<LicenseKeys.Payload> payload = LicenseKeys.read(licenseKey);
		if (payload.isEmpty()) {
			return LicenseStatus.INVALID;
		}
		Optional<Vendor> vendor = catalog.findVendor(payload.get().vendor());
		if (vendor.isEmpty() || !LicenseKeys.verify(licenseKey, keys.of(vendor.get().id()).publicKey())) {
			return LicenseStatus.INVALID;
		}
		Optional<Trial> trial = trials.find(vendor.get().id(), payload.get().licenseId())
			.filter(t -> t.licenseKey().equals(licenseKey));
		if (trial.isEmpty()) {
			return LicenseStatus.INVALID;
		}
		Instant expiresAt = trial.get().expiresAt();
		return new LicenseStatus(trial.get().sku(), payload.get().kind(), expiresAt, at.isBefore(expiresAt));
	}

	/**
	 * The partner whose link started a trial of this customer at the vendor, when the
	 * order at {@code at} falls within that trial's conversion window (commission policy:
	 * attributed to that partner even when the cookie is gone). A trial of a product the
	 * order contains comes first, then the latest trial.
	 * @param email the customer's email; matched without regard to case
	 */
	public Optional<PartnerId> referringPartner(VendorId vendorId, String email, Collection<String> skus, Instant at) {
		Assert.notNull(email, "email must not be null");
		List<Trial> open = trials.open(vendorId, email.trim().toLowerCase(Locale.ROOT), at)
			.stream()
			.filter(t -> t.partnerId() != null)
			.toList();
		return open.stream()
			.filter(t -> skus.contains(t.sku()))
			.findFirst()
			.or(() -> open.stream().findFirst())
			.map(Trial::partnerId);
	}

	/**
	 * Records a purchase: each open trial of a product in the order by the same customer
	 * converts (once; a later purchase changes nothing). Called in the order's transaction.
	 */
	@Transactional
	public void purchased(VendorId vendorId, String orderId, String email, Collection<String> skus, Instant at) {
		List<Trial> converting = trials.open(vendorId, email.trim().toLowerCase(Locale.ROOT), at)
			.stream()
			.filter(t -> skus.contains(t.sku()))
			.toList();
		trials.convert(vendorId, converting, orderId, at);
	}

	/** A partner's trials and conversions per month ({@code from} to {@code to}, vendor's time zone); empty months are zeros. */
	public List<TrialMonth> partnerMonths(Vendor vendor, PartnerId partnerId, YearMonth from, YearMonth to) {
		Map<YearMonth, TrialMonth> months = new TreeMap<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			months.put(m, new TrialMonth(m, 0, 0));
		}
		trials.partnerMonths(vendor.id(), partnerId, vendor.timeZone(),
				from.atDay(1).atStartOfDay(vendor.timeZone()).toInstant(),
				to.plusMonths(1).atDay(1).atStartOfDay(vendor.timeZone()).toInstant())
			.forEach(m -> months.put(m.month(), m));
		return List.copyOf(months.values());
	}

	private static @Nullable String text(@Nullable String value, String field, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() > max) {
			problems.add(new FieldProblem(field, "validation.tooLong"));
			return null;
		}
		if (hasControlCharacter(trimmed)) {
			problems.add(new FieldProblem(field, "trials.controlCharacter"));
			return null;
		}
		return trimmed;
	}

	private static boolean hasControlCharacter(String value) {
		return value.chars().anyMatch(Character::isISOControl);
	}

}
