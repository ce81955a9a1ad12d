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
import com.partnerline.commissions.MonthlySales.LateOrder;
import com.partnerline.commissions.MonthlySales.Refund;
import com.partnerline.commissions.MonthlySales.Volume;
import com.partnerline.commissions.StatementStore.PartnerLine;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
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
		// The close counts what had arrived by its cut-off; what arrives later for this month is late.
		Instant now = sales.cutOff(vendorId);
		long started = System.nanoTime();
		Map<PartnerId, BigDecimal> volumes = new HashMap<>();
		for (Volume volume : sales.volumes(vendorId, month, now)) {
			volumes.put(volume.partnerId(), volume.volume());
		}
		ClosedMonths closedMonths = new ClosedMonths(statements.closedAt(vendorId));
		Map<YearMonth, Instant> lateSince = closedMonths.lateArrivalsSettledIn(month);
		Map<PartnerId, List<PartnerLine>> late = new HashMap<>();
		Map<PartnerId, PartnerType> types = new HashMap<>();
		for (Membership membership : partners.membersOf(vendorId)) {
			types.put(membership.partnerId(), membership.type());
		}
		PastRates pastRates = new PastRates(vendorId, program, types);
		for (LateOrder order : sales.lateOrders(vendorId, lateSince, now)) {
			if (!closedMonths.settlementMonth(order.orderMonth(), order.receivedAt()).equals(month)) {
				continue;
			}
			BigDecimal rate = pastRates.lateOrderRate(order.partnerId(), order.orderMonth(), order.amount());
			late.computeIfAbsent(order.partnerId(), p -> new ArrayList<>())
				.add(new PartnerLine(order.partnerId(), new StatementLine(StatementLine.LATE_ORDER, null,
						order.orderId(), order.orderMonth(), order.amount(), rate,
						BandEngine.commission(order.amount(), rate, vendor.currency()))));
		}
		for (Refund refund : sales.lateRefunds(vendorId, month, now, lateSince)) {
			if (!refund.month().equals(month)
					&& !closedMonths.settlementMonth(refund.month(), refund.receivedAt()).equals(month)) {
				continue;
			}
			BigDecimal rate = closedMonths.arrivedAfterClose(refund.orderMonth(), refund.orderReceivedAt())
					? pastRates.lateOrderRate(refund.partnerId(), refund.orderMonth(), refund.orderAmount())
					: pastRates.rate(refund.partnerId(), refund.orderMonth());
			late.computeIfAbsent(refund.partnerId(), p -> new ArrayList<>())
				.add(new PartnerLine(refund.partnerId(), new StatementLine(StatementLine.LATE_REFUND,
						refund.refundId(), refund.orderId(), refund.orderMonth(), refund.amount(), rate,
						BandEngine.adjustment(refund.amount(), rate, vendor.currency()))));
		}
		Map<PartnerId, BigDecimal> balances = statements.openBalances(vendorId, month);
		long read = System.nanoTime();
		Set<PartnerId> closing = new HashSet<>(volumes.keySet());
		closing.addAll(late.keySet());
		closing.addAll(balances.keySet());

		Map<PartnerId, Statement> drafts = new TreeMap<>(BY_UUID);
		List<PartnerLine> lines = new ArrayList<>();
		for (PartnerId partner : closing) {
			PartnerManagement.Standing standing = standingIn(vendorId, partner,
					types.getOrDefault(partner, PartnerType.AFFILIATE), month);
			PartnerType type = standing.type();
			BigDecimal volume = volumes.getOrDefault(partner, BigDecimal.ZERO);
			Rating rating = BandEngine.rate(program, type, standing.contractRate(), volume);
			BigDecimal commission = BandEngine.commission(volume, rating.rate(), vendor.currency());
			BigDecimal adjustments = BandEngine.round(BigDecimal.ZERO, vendor.currency());
			for (PartnerLine line : late.getOrDefault(partner, List.of())) {
				adjustments = adjustments.add(line.line().amount());
				lines.add(line);
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
		// payoutDelayMonths: this month's statements are paid by the batch of a later close
		statements.schedulePayout(vendorId, month, month.plusMonths(catalog.policies(vendorId).payoutDelayMonths()));
		long batchId = payouts.createBatch(vendorId, month, vendor.currency(), now);
		statements.markClosed(vendorId, month, now);
		long written = System.nanoTime();
		events.publishEvent(new MonthClosed(vendorId, month));
		events.publishEvent(new PayoutBatchCreated(vendorId, month, batchId));
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

	/**
	 * The partner's type and contract in {@code month}: those of its month's last day, so that a
	 * contract starting within the month sets the month's rate, one starting later leaves the
	 * month to the affiliate rules, and one replaced since still governs the months it was in
	 * force.
	 */
	private PartnerManagement.Standing standingIn(VendorId vendorId, PartnerId partner, PartnerType memberType,
			YearMonth month) {
		return partners.standingOn(vendorId, partner, memberType, month.atEndOfMonth());
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

	/** The month whose payout batch pays the statement ({@code payoutDelayMonths} at its close). */
	public YearMonth payoutMonth(Statement statement) {
		return statements.payoutMonth(statement.id());
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
		PartnerManagement.Standing standing = standingIn(vendorId, partnerId,
				partners.membership(vendorId, partnerId).map(Membership::type).orElse(PartnerType.AFFILIATE), month);
		BigDecimal volume = sales.partnerVolume(vendorId, partnerId, month);
		Rating rating = BandEngine.rate(program, standing.type(), standing.contractRate(), volume);
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
	 * The vendor's closed months and when each was closed: which months' late arrivals a
	 * close settles, and on which statement a late order or refund goes (the first month
	 * after its own that was not closed when it arrived).
	 */
	static final class ClosedMonths {

		private final Map<YearMonth, Instant> closedAt;

		ClosedMonths(Map<YearMonth, Instant> closedAt) {
			this.closedAt = closedAt;
		}

		/** Whether something of {@code month} that arrived at {@code receivedAt} came after the month was closed. */
		boolean arrivedAfterClose(YearMonth month, Instant receivedAt) {
			Instant closed = closedAt.get(month);
			return closed != null && receivedAt.isAfter(closed);
		}

		/** The month whose statement counts something of {@code month} that arrived at {@code receivedAt}. */
		YearMonth settlementMonth(YearMonth month, Instant receivedAt) {
			YearMonth settled = month;
			while (arrivedAfterClose(settled, receivedAt)) {
				settled = settled.plusMonths(1);
			}
			return settled;
		}

		/**
		 * The closed months before {@code month} whose late arrivals may settle in it, each
		 * with the instant after which they are late for it. Nothing arrived late for
		 * {@code month} unless the month before it was closed when it arrived, so each
		 * month's range starts no earlier than that close.
		 */
		Map<YearMonth, Instant> lateArrivalsSettledIn(YearMonth month) {
			Instant previousClose = closedAt.get(month.minusMonths(1));
			Map<YearMonth, Instant> since = new HashMap<>();
			if (previousClose == null) {
				return since;
			}
			closedAt.forEach((closed, at) -> {
				if (closed.isBefore(month)) {
					since.put(closed, at.isAfter(previousClose) ? at : previousClose);
				}
			});
			return since;
		}

	}

	/**
	 * The rates of earlier months: what a partner's statement applied there, and for a
	 * late order without volume in its month the rate its amount alone reaches.
	 */
	private final class PastRates {

		private final VendorId vendorId;

		private final Program program;

		private final Map<PartnerId, PartnerType> types;

		private final Map<YearMonth, Map<PartnerId, StatementStore.Rated>> frozen = new HashMap<>();

		private final Map<YearMonth, Map<PartnerId, BigDecimal>> live = new HashMap<>();

		PastRates(VendorId vendorId, Program program, Map<PartnerId, PartnerType> types) {
			this.vendorId = vendorId;
			this.program = program;
			this.types = types;
		}

		/** The rate the partner's statement applied in {@code month}; without one, the rate of its volume there. */
		BigDecimal rate(PartnerId partner, YearMonth month) {
			StatementStore.Rated statement = frozen(month).get(partner);
			if (statement != null) {
				return statement.rate();
			}
			BigDecimal volume = live.computeIfAbsent(month, m -> {
				Map<PartnerId, BigDecimal> volumes = new HashMap<>();
				sales.volumes(vendorId, m, clock.instant()).forEach(v -> volumes.put(v.partnerId(), v.volume()));
				return volumes;
			}).getOrDefault(partner, BigDecimal.ZERO);
			return rateOf(partner, month, volume);
		}

		/**
		 * A late order's rate: what the partner's statement of its month applied to its
		 * volume; where the partner had no volume there (no statement, or none above 0.00),
		 * the rate the order's amount alone reaches in that month.
		 */
		BigDecimal lateOrderRate(PartnerId partner, YearMonth month, BigDecimal amount) {
			StatementStore.Rated statement = frozen(month).get(partner);
			if (statement != null && statement.volume().signum() > 0) {
				return statement.rate();
			}
			return rateOf(partner, month, amount);
		}

		private Map<PartnerId, StatementStore.Rated> frozen(YearMonth month) {
			return frozen.computeIfAbsent(month, m -> statements.rates(vendorId, m));
		}

		private BigDecimal rateOf(PartnerId partner, YearMonth month, BigDecimal volume) {
			PartnerManagement.Standing standing = standingIn(vendorId, partner,
					types.getOrDefault(partner, PartnerType.AFFILIATE), month);
			return BandEngine.rate(program, standing.type(), standing.contractRate(), volume).rate();
		}

	}

}
