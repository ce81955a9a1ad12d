package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.partnerline.catalog.Band;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Program;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.BandEngine.Rating;
import com.partnerline.commissions.BandEngine.Settlement;
import com.partnerline.commissions.MonthlySales.Refund;
import com.partnerline.commissions.MonthlySales.Volume;
import com.partnerline.commissions.StatementStore.PartnerLine;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.Contract;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The commissions module's API: closes months into frozen statements and a payout
 * batch, and tells where a partner stands in a month (docs/commission-policy.md).
 */
@Service
public class CommissionManagement {

	private static final Logger log = LoggerFactory.getLogger(CommissionManagement.class);

	private static final Comparator<PartnerId> BY_UUID = Comparator.comparing(PartnerId::value);

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final MonthlySales sales;

	private final StatementStore statements;

	private final PayoutStore payouts;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CommissionManagement(CatalogManagement catalog, PartnerManagement partners, MonthlySales sales,
			StatementStore statements, PayoutStore payouts, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, Clock clock) {
		this.catalog = catalog;
		this.partners = partners;
		this.sales = sales;
		this.statements = statements;
		this.payouts = payouts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
	}

	/** Whether {@code month} has ended in the vendor's time zone. */
	public boolean hasEnded(Vendor vendor, YearMonth month) {
		return hasEnded(month, vendor.timeZone(), clock.instant());
	}

	/** A month ends at midnight starting the next month in the vendor's time zone. */
	static boolean hasEnded(YearMonth month, java.time.ZoneId zone, Instant now) {
		return !now.isBefore(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
	}

	/** The month that is running now in the vendor's time zone. */
	public YearMonth currentMonth(Vendor vendor) {
		return YearMonth.from(clock.instant().atZone(vendor.timeZone()));
	}

	public boolean isClosed(VendorId vendorId, YearMonth month) {
		return statements.isClosed(vendorId, month);
	}

	/**
	 * Closes a month: one frozen statement per partner with volume, a late refund or a
	 * balance, and one payout batch. Idempotent and safe when several nodes close the
	 * same month at once: the month is locked in PostgreSQL, and a closed month answers
	 * with the statements and batch it has.
	 * @throws ApiProblem 422 when the month has not ended in the vendor's time zone
	 */
	public CloseResult close(Vendor vendor, YearMonth month) {
		if (!hasEnded(vendor, month)) {
			throw ApiProblem.unprocessable("commissions.monthNotEnded", month.toString(),
					vendor.timeZone().getId());
		}
		Program program = catalog.program(vendor);
		try {
			return transactions.execute(status -> closeLocked(vendor, program, month));
		}
		catch (DuplicateKeyException race) {
			// Only reachable if a close ran without the lock; the constraints kept one result.
			log.info("Month {} of {} was closed concurrently; answering with that close", month, vendor.slug());
			return transactions.execute(status -> closed(vendor.id(), month, false));
		}
	}

	private CloseResult closeLocked(Vendor vendor, Program program, YearMonth month) {
		VendorId vendorId = vendor.id();
		statements.lockMonth(vendorId, month);
		if (statements.isClosed(vendorId, month)) {
			return closed(vendorId, month, false);
		}
		Instant now = clock.instant();
		long started = System.nanoTime();
		Map<PartnerId, BigDecimal> volumes = new HashMap<>();
		for (Volume volume : sales.volumes(vendorId, month)) {
			volumes.put(volume.partnerId(), volume.volume());
		}
		Map<PartnerId, List<Refund>> late = new HashMap<>();
		for (Refund refund : sales.lateRefunds(vendorId, month)) {
			late.computeIfAbsent(refund.partnerId(), p -> new ArrayList<>()).add(refund);
		}
		Map<PartnerId, BigDecimal> balances = statements.openBalances(vendorId, month);
		Map<PartnerId, PartnerType> types = new HashMap<>();
		for (Membership membership : partners.membersOf(vendorId)) {
			types.put(membership.partnerId(), membership.type());
		}
		long read = System.nanoTime();
		Set<PartnerId> closing = new HashSet<>(volumes.keySet());
		closing.addAll(late.keySet());
		closing.addAll(balances.keySet());

		PastRates pastRates = new PastRates(vendorId, program, types);
		Map<PartnerId, Statement> drafts = new TreeMap<>(BY_UUID);
		List<PartnerLine> lines = new ArrayList<>();
		for (PartnerId partner : closing) {
			PartnerType type = types.getOrDefault(partner, PartnerType.AFFILIATE);
			BigDecimal volume = volumes.getOrDefault(partner, BigDecimal.ZERO);
			Rating rating = BandEngine.rate(program, type, contractRate(vendorId, partner, type, month), volume);
			BigDecimal commission = BandEngine.commission(volume, rating.rate(), vendor.currency());
			BigDecimal adjustments = BandEngine.round(BigDecimal.ZERO, vendor.currency());
			for (Refund refund : late.getOrDefault(partner, List.of())) {
				BigDecimal rate = pastRates.rate(partner, refund.orderMonth());
				BigDecimal amount = BandEngine.adjustment(refund.amount(), rate, vendor.currency());
				adjustments = adjustments.add(amount);
				lines.add(new PartnerLine(partner, new StatementLine("ADJUSTMENT", refund.refundId(), refund.orderId(),
						refund.orderMonth(), refund.amount(), rate, amount)));
			}
			BigDecimal brought = BandEngine.round(balances.getOrDefault(partner, BigDecimal.ZERO), vendor.currency());
			Settlement settlement = BandEngine.settle(commission, adjustments, brought, program.minPayout());
			drafts.put(partner, new Statement(0, vendorId, partner, month, type, volume, rating.band().name(),
					rating.rate(), commission, adjustments, brought, settlement.payable(),
					settlement.carriedForward(), vendor.currency(), rating.eligibleForInternet()));
		}
		long computed = System.nanoTime();
		statements.insertStatements(vendorId, month, vendor.currency(), drafts.values(), now);
		statements.insertLines(vendorId, month, lines);
		long batchId = payouts.createBatch(vendorId, month, vendor.currency(), now);
		statements.markClosed(vendorId, month, now);
		long written = System.nanoTime();
		for (Statement statement : drafts.values()) {
			events.publishEvent(new StatementReady(vendorId, statement.partnerId(), month));
			if (statement.eligibleForInternet()) {
				events.publishEvent(new PartnerBecameEligibleForInternet(vendorId, statement.partnerId(), month));
			}
		}
		long published = System.nanoTime();
		CloseResult result = closed(vendorId, month, true);
		log.info("Closed {} of {}: {} statements, payout batch {} (ms: read {}, compute {}, write {}, events {}, "
				+ "read back {})", month, vendor.slug(), drafts.size(), batchId, ms(started, read), ms(read, computed),
				ms(computed, written), ms(written, published), ms(published, System.nanoTime()));
		return result;
	}

	private static long ms(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private CloseResult closed(VendorId vendorId, YearMonth month, boolean now) {
		long batchId = payouts.batchId(vendorId, month)
			.orElseThrow(() -> new IllegalStateException("Closed month without a payout batch"));
		return new CloseResult(month, statements.statements(vendorId, month), batchId, now);
	}

	private @Nullable BigDecimal contractRate(VendorId vendorId, PartnerId partner, PartnerType type,
			YearMonth month) {
		if (type != PartnerType.INTERNET) {
			return null;
		}
		return partners.activeContract(vendorId, partner, month.atEndOfMonth())
			.map(Contract::commissionRate)
			.orElse(null);
	}

	/** The statements of a closed month, ordered by partner. */
	public List<Statement> statements(VendorId vendorId, YearMonth month) {
		return statements.statements(vendorId, month);
	}

	public Optional<Statement> statement(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return statements.statement(vendorId, partnerId, month);
	}

	/** A partner's statements with a vendor, newest first. */
	public List<Statement> statementsOf(VendorId vendorId, PartnerId partnerId) {
		return statements.statementsOf(vendorId, partnerId);
	}

	public List<StatementLine> lines(Statement statement) {
		return statements.lines(statement.vendorId(), statement.id());
	}

	public List<YearMonth> closedMonths(VendorId vendorId) {
		return statements.closedMonths(vendorId);
	}

	public Optional<PayoutBatch> payoutBatch(VendorId vendorId, long batchId) {
		return payouts.batch(vendorId, batchId);
	}

	public Optional<Long> payoutBatchId(VendorId vendorId, YearMonth month) {
		return payouts.batchId(vendorId, month);
	}

	/**
	 * A partner's volume, band, rate and commission in a month: from its statement when
	 * the month is closed, else live from the month's orders so far.
	 */
	public MonthSummary monthSummary(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		Optional<Statement> statement = statements.statement(vendorId, partnerId, month);
		if (statement.isPresent()) {
			Statement s = statement.get();
			return new MonthSummary(month, s.volume(), s.band(), s.rate(), s.commission(), s.eligibleForInternet(),
					true);
		}
		Vendor vendor = catalog.findVendor(vendorId)
			.orElseThrow(() -> ApiProblem.notFound("catalog.vendorNotFound", vendorId));
		Program program = catalog.program(vendor);
		if (isClosed(vendorId, month)) {
			// closed without a statement: nothing was booked for the partner that month
			Band first = program.bandFor(BigDecimal.ZERO);
			return new MonthSummary(month, BigDecimal.ZERO, first.name(), first.rate(),
					BandEngine.round(BigDecimal.ZERO, vendor.currency()), false, true);
		}
		PartnerType type = partners.membership(vendorId, partnerId).map(Membership::type).orElse(PartnerType.AFFILIATE);
		BigDecimal volume = sales.partnerVolume(vendorId, partnerId, month);
		Rating rating = BandEngine.rate(program, type, contractRate(vendorId, partnerId, type, month), volume);
		return new MonthSummary(month, volume, rating.band().name(), rating.rate(),
				BandEngine.commission(volume, rating.rate(), vendor.currency()), rating.eligibleForInternet(), false);
	}

	/** Where a partner stands this month and how far the next band is. */
	public BandProgress progress(Vendor vendor, PartnerId partnerId) {
		YearMonth month = currentMonth(vendor);
		MonthSummary summary = monthSummary(vendor.id(), partnerId, month);
		Program program = catalog.program(vendor);
		Band band = program.bandFor(summary.volume());
		Optional<Band> next = program.nextBand(band);
		return new BandProgress(summary, next.map(Band::name).orElse(null),
				next.map(b -> b.lowerBound().subtract(summary.volume()).max(BigDecimal.ZERO)).orElse(null),
				next.map(Band::internetOnly).orElse(false));
	}

	/**
	 * @param nextBand the band after the current one, or {@literal null} at the top
	 * @param missing how much more volume this month reaches it
	 * @param nextIsInternetOnly reaching it makes an affiliate eligible for the Internet Partner track
	 */
	public record BandProgress(MonthSummary summary, @Nullable String nextBand, @Nullable BigDecimal missing,
			boolean nextIsInternetOnly) {
	}

	/**
	 * The rate a partner's statement applied in an earlier month; when it had no
	 * statement there, the rate that month's volume gives.
	 */
	private final class PastRates {

		private final VendorId vendorId;

		private final Program program;

		private final Map<PartnerId, PartnerType> types;

		private final Map<YearMonth, Map<PartnerId, BigDecimal>> frozen = new HashMap<>();

		private final Map<YearMonth, Map<PartnerId, BigDecimal>> live = new HashMap<>();

		PastRates(VendorId vendorId, Program program, Map<PartnerId, PartnerType> types) {
			this.vendorId = vendorId;
			this.program = program;
			this.types = types;
		}

		BigDecimal rate(PartnerId partner, YearMonth month) {
			BigDecimal rate = frozen.computeIfAbsent(month, m -> statements.rates(vendorId, m)).get(partner);
			if (rate != null) {
				return rate;
			}
			BigDecimal volume = live.computeIfAbsent(month, m -> {
				Map<PartnerId, BigDecimal> volumes = new HashMap<>();
				sales.volumes(vendorId, m).forEach(v -> volumes.put(v.partnerId(), v.volume()));
				return volumes;
			}).getOrDefault(partner, BigDecimal.ZERO);
			PartnerType type = types.getOrDefault(partner, PartnerType.AFFILIATE);
			return BandEngine.rate(program, type, contractRate(vendorId, partner, type, month), volume).rate();
		}

	}

}
