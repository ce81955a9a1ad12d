package com.partnerline.catalog;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.Money;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog module's API: vendors, their programs, products and exchange rates.
 * Other modules read through here; writes come from the admin API and demo data.
 */
@Service
public class CatalogManagement {

	/** The defaults of docs/commission-policy.md. */
	public static final List<Band> DEFAULT_BANDS = List.of(
			new Band("A1", new BigDecimal("0"), new BigDecimal("0.15"), false),
			new Band("A2", new BigDecimal("500"), new BigDecimal("0.20"), false),
			new Band("A3", new BigDecimal("3000"), new BigDecimal("0.25"), false),
			new Band("I1", new BigDecimal("7000"), new BigDecimal("0.30"), true),
			new Band("I2", new BigDecimal("15000"), new BigDecimal("0.35"), true));

	static final BigDecimal DEFAULT_AFFILIATE_CAP = new BigDecimal("0.25");

	static final BigDecimal DEFAULT_INTERNET_CAP = new BigDecimal("0.35");

	static final int DEFAULT_COOKIE_DAYS = 30;

	/** The longest cookie window a program may have; tracking keeps raw clicks at least this long (ADR 0029). */
	public static final int MAX_COOKIE_DAYS = 365;

	static final BigDecimal DEFAULT_MIN_PAYOUT = new BigDecimal("50.00");

	static final int DEFAULT_TRIAL_CONVERSION_DAYS = 60;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CatalogStore store;

	private final Clock clock;

	CatalogManagement(CatalogStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public Optional<Vendor> findVendor(String slug) {
		return store.vendorBySlug(slug);
	}

	public Optional<Vendor> findVendor(VendorId id) {
		return store.vendorById(id);
	}

	/** The vendor with this slug; 404 naming it when there is none. */
	public Vendor vendor(String slug) {
		return store.vendorBySlug(slug).orElseThrow(() -> ApiProblem.notFound("catalog.vendorNotFound", slug));
	}

	public List<Vendor> vendorsWithOpenPrograms() {
		return store.vendorsWithOpenPrograms();
	}

	public List<Vendor> vendors(List<Long> ids) {
		return store.vendorsByIds(ids);
	}

	public List<Vendor> allVendors() {
		return store.allVendors();
	}

	/** The shared secret the vendor's order processor signs notifications with. */
	public String processorSecret(VendorId id) {
		return store.processorSecret(id).orElseThrow(() -> ApiProblem.notFound("catalog.vendorNotFound", id));
	}

	public Optional<Program> findProgram(VendorId vendorId) {
		return store.program(vendorId);
	}

	/** The vendor's program; 404 when the vendor has none yet. */
	public Program program(Vendor vendor) {
		return store.program(vendor.id())
			.orElseThrow(() -> ApiProblem.notFound("catalog.programNotFound", vendor.slug()));
	}

	public Optional<Product> findProduct(VendorId vendorId, String sku) {
		return store.product(vendorId, sku);
	}

	public List<Product> products(VendorId vendorId) {
		return store.products(vendorId);
	}

	/**
	 * The factor that converts one unit of {@code currency} into the vendor's program
	 * currency on {@code date}: 1 for the program currency itself, else the latest
	 * rate entered on or before that date.
	 */
	public Optional<BigDecimal> exchangeRate(Vendor vendor, Currency currency, LocalDate date) {
		if (currency.equals(vendor.currency())) {
			return Optional.of(BigDecimal.ONE);
		}
		return store.rateOn(vendor.id(), currency, date);
	}

	/**
	 * Creates the vendor, or updates it when the slug exists.
	 * @return the processor secret when the vendor was created, empty on an update
	 */
	@Transactional
	public VendorSaved saveVendor(String slug, VendorDraft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!slug.matches("[a-z0-9][a-z0-9-]{1,63}")) {
			problems.add(new FieldProblem("vendor", "catalog.slugInvalid"));
		}
		String name = draft.name() == null ? "" : draft.name().trim();
		if (name.isEmpty() || name.length() > 200) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		ZoneId zone = parseZone(draft.timeZone(), problems);
		Currency currency = parseCurrency(draft.currency(), "currency", problems);
		List<String> domains = draft.allowedDomains() == null ? List.of() : draft.allowedDomains();
		for (int i = 0; i < domains.size(); i++) {
			String domain = domains.get(i);
			if (domain == null || !domain.matches("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
				problems.add(new FieldProblem("allowedDomains[" + i + "]", "catalog.domainInvalid"));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		List<String> normalized = domains.stream().map(String::toLowerCase).distinct().toList();
		Optional<Vendor> existing = store.vendorBySlug(slug);
		if (existing.isPresent()) {
			store.updateVendor(existing.get().id(), name, zone, currency, normalized, clock.instant());
			return new VendorSaved(store.vendorById(existing.get().id()).orElseThrow(), Optional.empty());
		}
		String secret = HexFormat.of().formatHex(randomBytes(32));
		VendorId id = store.insertVendor(slug, name, zone, currency, normalized, secret, clock.instant());
		return new VendorSaved(store.vendorById(id).orElseThrow(), Optional.of(secret));
	}

	/**
	 * Writes the program settings. Fields left out keep their current value, or the
	 * policy default for a new program; bands, when given, replace all bands.
	 */
	@Transactional
	public Program saveProgram(Vendor vendor, ProgramDraft draft) {
		Optional<Program> current = store.program(vendor.id());
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal affiliateCap = rate(draft.affiliateCap(), "affiliateCap",
				current.map(Program::affiliateCap).orElse(DEFAULT_AFFILIATE_CAP), problems);
		BigDecimal internetCap = rate(draft.internetCap(), "internetCap",
				current.map(Program::internetCap).orElse(DEFAULT_INTERNET_CAP), problems);
		if (problems.isEmpty() && affiliateCap.compareTo(internetCap) > 0) {
			problems.add(new FieldProblem("affiliateCap", "catalog.affiliateCapAboveInternetCap"));
		}
		int cookieDays = draft.cookieDays() != null ? draft.cookieDays()
				: current.map(Program::cookieDays).orElse(DEFAULT_COOKIE_DAYS);
		if (cookieDays < 1 || cookieDays > MAX_COOKIE_DAYS) {
			problems.add(new FieldProblem("cookieDays", "catalog.cookieDaysRange"));
		}
		BigDecimal minPayout = draft.minPayout() != null ? draft.minPayout()
				: current.map(Program::minPayout).orElse(DEFAULT_MIN_PAYOUT);
		if (minPayout.signum() < 0) {
			problems.add(new FieldProblem("minPayout", "validation.notNegative"));
		}
		int conversionDays = draft.trialConversionDays() != null ? draft.trialConversionDays()
				: current.map(Program::trialConversionDays).orElse(DEFAULT_TRIAL_CONVERSION_DAYS);
		if (conversionDays < 1 || conversionDays > 365) {
			problems.add(new FieldProblem("trialConversionDays", "catalog.cookieDaysRange"));
		}
		String termsVersion = firstNonBlank(draft.termsVersion(), current.map(Program::termsVersion).orElse("1.0"));
		if (termsVersion.length() > 32) {
			problems.add(new FieldProblem("termsVersion", "validation.tooLong"));
		}
		String termsText = firstNonBlank(draft.termsText(),
				current.filter(p -> p.termsVersion().equals(termsVersion)).map(Program::termsText).orElse(null));
		if (termsText == null) {
			problems.add(new FieldProblem("termsText", "validation.required"));
		}
		List<Band> bands = draft.bands() != null ? bands(draft.bands(), affiliateCap, problems)
				: current.map(Program::bands).orElse(DEFAULT_BANDS);
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		ProgramPolicies oldPolicies = store.policies(vendor.id()).orElse(ProgramPolicies.DEFAULTS);
		int delay = draft.payoutDelayMonths() != null ? draft.payoutDelayMonths() : oldPolicies.payoutDelayMonths();
		if (delay < 0 || delay > 12) {
			problems.add(new FieldProblem("payoutDelayMonths", "catalog.payoutDelayRange"));
		}
		RiskRulesDraft rules = draft.riskRules();
		ProgramPolicies policies = new ProgramPolicies(delay,
				rules == null || rules.sameAddressOrDomain() == null ? oldPolicies.sameAddressOrDomain()
						: rules.sameAddressOrDomain(),
				rules == null || rules.repeatCustomer() == null ? oldPolicies.repeatCustomer() : rules.repeatCustomer(),
				rules == null || rules.refundRate() == null ? oldPolicies.refundRate() : rules.refundRate());
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		boolean open = draft.open() != null ? draft.open() : current.map(Program::open).orElse(true);
		Program program = new Program(vendor.id(), open, bands, affiliateCap, internetCap, cookieDays,
				minPayout, conversionDays, termsVersion, termsText);
		store.saveProgram(program, clock.instant());
		store.savePolicies(vendor.id(), policies);
		return program;
	}

	@Transactional
	public Product saveProduct(Vendor vendor, String sku, ProductDraft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!sku.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
			problems.add(new FieldProblem("sku", "catalog.skuInvalid"));
		}
		if (draft.name() == null || draft.name().isBlank()) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		if (draft.price() == null) {
			problems.add(new FieldProblem("price", "validation.required"));
		}
		else if (draft.price().signum() < 0) {
			problems.add(new FieldProblem("price", "validation.notNegative"));
		}
		Currency currency = draft.currency() == null ? vendor.currency()
				: parseCurrency(draft.currency(), "currency", problems);
		// without trialDays a trial lasts one calendar month (docs/api.md)
		Integer trialDays = draft.trialDays();
		if (trialDays != null && (trialDays < 0 || trialDays > 365)) {
			problems.add(new FieldProblem("trialDays", "catalog.trialDaysRange"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		Product product = new Product(vendor.id(), sku, draft.name().trim(), new Money(draft.price(), currency),
				trialDays);
		store.saveProduct(product, clock.instant());
		return product;
	}

	/** The vendor's exchange rates to the program currency, per currency newest first. */
	public List<ExchangeRate> exchangeRates(VendorId vendorId) {
		return store.rates(vendorId);
	}

	@Transactional
	public BigDecimal saveExchangeRate(Vendor vendor, String currencyCode, String date, @Nullable BigDecimal rate) {
		List<FieldProblem> problems = new ArrayList<>();
		Currency currency = parseCurrency(currencyCode, "currency", problems);
		LocalDate validFrom = null;
		try {
			validFrom = LocalDate.parse(date);
		}
		catch (RuntimeException ex) {
			problems.add(new FieldProblem("date", "validation.isoDate"));
		}
		if (rate == null) {
			problems.add(new FieldProblem("rate", "validation.required"));
		}
		else if (rate.signum() <= 0) {
			problems.add(new FieldProblem("rate", "validation.positive"));
		}
		if (currency != null && currency.equals(vendor.currency())) {
			problems.add(new FieldProblem("currency", "catalog.rateForProgramCurrency"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		store.saveRate(vendor.id(), currency, validFrom, rate);
		return rate;
	}

	private static List<Band> bands(List<BandDraft> drafts, BigDecimal affiliateCap, List<FieldProblem> problems) {
		if (drafts.isEmpty()) {
			problems.add(new FieldProblem("bands", "catalog.bandsRequired"));
			return List.of();
		}
		List<Band> bands = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			BandDraft draft = drafts.get(i);
			String field = "bands[" + i + "]";
			if (draft == null) {
				problems.add(new FieldProblem(field, "validation.required"));
				continue;
			}
			int before = problems.size();
			if (draft.name() == null || !draft.name().matches("[A-Za-z0-9]{1,16}")) {
				problems.add(new FieldProblem(field + ".name", "catalog.bandNameInvalid"));
			}
			if (draft.from() == null || draft.from().signum() < 0) {
				problems.add(new FieldProblem(field + ".from", "validation.notNegative"));
			}
			BigDecimal rate = rate(draft.rate(), field + ".rate", null, problems);
			if (problems.size() == before) {
				boolean internetOnly = draft.internetOnly() != null ? draft.internetOnly()
						: rate.compareTo(affiliateCap) > 0;
				bands.add(new Band(draft.name(), draft.from(), rate, internetOnly));
			}
		}
		if (bands.size() == drafts.size()) {
			if (bands.stream().map(Band::name).distinct().count() < bands.size()) {
				problems.add(new FieldProblem("bands", "catalog.bandNamesUnique"));
			}
			if (bands.stream().map(b -> b.lowerBound().stripTrailingZeros()).distinct().count() < bands.size()) {
				problems.add(new FieldProblem("bands", "catalog.bandBoundsUnique"));
			}
			if (bands.stream().noneMatch(b -> b.lowerBound().signum() == 0)) {
				problems.add(new FieldProblem("bands", "catalog.bandFromZero"));
			}
		}
		return bands;
	}

	/**
	 * Reads a rate as a fraction of one ({@code 0.25}). A value above one is read as a
	 * percentage ({@code 25}), since no commission exceeds the sale it is paid on.
	 */
	private static BigDecimal rate(BigDecimal value, String field, BigDecimal fallback, List<FieldProblem> problems) {
		if (value == null) {
			if (fallback == null) {
				problems.add(new FieldProblem(field, "validation.required"));
			}
			return fallback;
		}
		BigDecimal fraction = value.compareTo(BigDecimal.ONE) > 0 ? value.movePointLeft(2) : value;
		if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
			problems.add(new FieldProblem(field, "catalog.rateRange"));
			return fallback;
		}
		return fraction;
	}

	private static ZoneId parseZone(String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(value);
		}
		catch (RuntimeException ex) {
			problems.add(new FieldProblem("timeZone", "catalog.timeZoneInvalid"));
			return null;
		}
	}

	private static Currency parseCurrency(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return Currency.getInstance("USD");
		}
		try {
			if (!value.matches("[A-Z]{3}")) {
				throw new IllegalArgumentException(value);
			}
			return Currency.getInstance(value);
		}
		catch (RuntimeException ex) {
			problems.add(new FieldProblem(field, "validation.currency"));
			return null;
		}
	}

	private static String firstNonBlank(String value, String fallback) {
		return value != null && !value.isBlank() ? value.trim() : fallback;
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** What an admin sends to create or update a vendor. */
	public record VendorDraft(String name, String timeZone, String currency, List<String> allowedDomains) {
	}

	public record VendorSaved(Vendor vendor, Optional<String> processorSecret) {
	}

	public record BandDraft(String name, BigDecimal from, BigDecimal rate, Boolean internetOnly) {
	}

	/** Program settings; {@literal null} fields keep their value. */
	public record ProgramDraft(List<BandDraft> bands, BigDecimal affiliateCap, BigDecimal internetCap,
			Integer cookieDays, BigDecimal minPayout, Integer trialConversionDays, String termsVersion,
			String termsText, Boolean open, Integer payoutDelayMonths, RiskRulesDraft riskRules) {

		/** A draft that leaves payout timing and risk rules as they are. */
		public ProgramDraft(List<BandDraft> bands, BigDecimal affiliateCap, BigDecimal internetCap, Integer cookieDays,
				BigDecimal minPayout, Integer trialConversionDays, String termsVersion, String termsText,
				Boolean open) {
			this(bands, affiliateCap, internetCap, cookieDays, minPayout, trialConversionDays, termsVersion, termsText,
					open, null, null);
		}

	}

	// riskRules of the program settings; an absent rule keeps its setting.
	public record RiskRulesDraft(Boolean sameAddressOrDomain, Boolean repeatCustomer, Boolean refundRate) {
	}

	/** The program's payout timing and risk rules; the defaults for a vendor without a program. */
	public ProgramPolicies policies(VendorId vendorId) {
		return store.policies(vendorId).orElse(ProgramPolicies.DEFAULTS);
	}

	public record ProductDraft(String name, BigDecimal price, String currency, Integer trialDays) {
	}

}
