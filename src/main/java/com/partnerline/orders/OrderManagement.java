package com.partnerline.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.orders.Orders.MonthFigures;
import com.partnerline.orders.Orders.Stored;
import com.partnerline.orders.Orders.StoredRefund;
import com.partnerline.trials.TrialManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The orders module's API: records orders and refunds exactly once, converts them to
 * the program currency at the vendor's rate, and answers the monthly volumes that
 * commissions are paid on.
 * <p>
 * Amounts: the original amount is kept as sent (4 decimals at most); the converted
 * amount is original × rate kept to 6 decimals (half-even) and never rounded to cents
 * here. Cents are reached once, where a figure is shown or a commission computed.
 */
@Service
public class OrderManagement {

	/** Scale of converted amounts as stored (numeric(19,6)). */
	static final int CONVERTED_SCALE = 6;

	private final Orders orders;

	private final CatalogManagement catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TrialManagement trials;

	private final RiskRules riskRules;

	private final JdbcClient jdbc;

	private final Arrivals arrivals;

	OrderManagement(Orders orders, CatalogManagement catalog, ApplicationEventPublisher events, Clock clock,
			TrialManagement trials, RiskRules riskRules, JdbcClient jdbc, Arrivals arrivals) {
		this.arrivals = arrivals;
		this.riskRules = riskRules;
		this.jdbc = jdbc;
		this.orders = orders;
		this.trials = trials;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Idempotent on (vendor, orderId): same content → created=false, existing returned;
	 * different content → ApiProblem 409. Converts to vendor.currency() at
	 * CatalogManagement.exchangeRate(vendor, currency, order date in vendor tz); no rate →
	 * ApiProblem.unprocessable naming currency and date, nothing stored. Publishes
	 * OrderRecorded when created.
	 */
	@Transactional
	public RecordedOrder record(Vendor vendor, NewOrder order) {
		Assert.hasText(order.orderId(), "orderId must not be empty");
		Assert.notEmpty(order.items(), "an order has at least one item");
		Orders.Row row = row(vendor, order);
		// judged against the orders before this one (a retry of a stored order is answered below)
		java.util.Optional<String> hold = row.partnerId() == null || row.selfReferral() ? java.util.Optional.empty()
				: riskRules.judge(vendor.id(), row.partnerId(), catalog.policies(vendor.id()), row.occurredAt(),
						row.customerEmail(), order.customerIp());
		if (!orders.insert(row, order.items(), arrivals.arrive(vendor.id()))) {
			// Delivered before (or a concurrent delivery won): answer as a retry.
			return replay(vendor, orders.find(vendor.id(), order.orderId()).orElseThrow(), order.contentHash());
		}
		if (order.customerIp() != null || hold.isPresent()) {
			// A held order counts nowhere until a manager releases it (counted_at is set then).
			jdbc.sql("""
					UPDATE orders SET customer_ip = ?, hold_status = ?, hold_reason = ?,
					  counted_at = CASE WHEN ? THEN NULL ELSE counted_at END
					WHERE vendor_id = ? AND order_id = ?""")
				.params(order.customerIp(), hold.isPresent() ? "HELD" : null, hold.orElse(null), hold.isPresent(),
						vendor.id().value(), order.orderId())
				.update();
		}
		if (hold.isPresent()) {
			events.publishEvent(new OrderHeld(vendor.id(), order.orderId(), row.partnerId(),
					new Money(row.amount(), vendor.currency()), hold.get()));
		}
		events.publishEvent(new OrderRecorded(vendor.id(), order.orderId(), row.partnerId(), YearMonth.from(row.period()),
				new Money(row.amount(), vendor.currency())));
		if (order.customerEmail() != null) {
			// in the order's transaction: the order is recorded once, and so is the conversion of a trial
			trials.purchased(vendor.id(), order.orderId(), order.customerEmail(),
					order.items().stream().map(OrderItem::sku).toList(), order.occurredAt().toInstant());
		}
		return new RecordedOrder(order.orderId(), row.partnerId(), new Money(row.amount(), vendor.currency()),
				new Money(row.originalAmount(), order.currency()), row.rate(), YearMonth.from(row.period()), true);
	}

	/** The row to store: converted at the rate in force on the order's date in the vendor's time zone. */
	private Orders.Row row(Vendor vendor, NewOrder order) {
		LocalDate date = order.occurredAt().atZoneSameInstant(vendor.timeZone()).toLocalDate();
		BigDecimal rate = catalog.exchangeRate(vendor, order.currency(), date)
			.orElseThrow(() -> ApiProblem.unprocessable("orders.noRate", order.currency().getCurrencyCode(),
					date.toString()));
		BigDecimal original = order.items().stream().map(OrderItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal amount = original.multiply(rate).setScale(CONVERTED_SCALE, RoundingMode.HALF_EVEN);
		LocalDate period = date.withDayOfMonth(1);
		PartnerId partner = order.attribution() == Attribution.NONE ? null : order.partnerId();
		Attribution attribution = partner == null ? Attribution.NONE : order.attribution();
		return new Orders.Row(vendor.id(), order.orderId(), partner, order.occurredAt().toInstant(), period,
				order.currency(), original, rate, amount, order.customerEmail(), null, order.customerCountry(),
				attribution, order.clickId(), partner == null ? null : order.subId(),
				partner != null && order.selfReferral(), "NETWORK", null, order.contentHash());
	}

	/**
	 * Idempotent on (vendor, refundId); unknown order → 404; more than remaining
	 * (original currency) → 422. Converted at the ORDER's rate. Publishes RefundRecorded.
	 * The returned amount is in the program currency, unrounded.
	 */
	@Transactional
	public RecordedRefund refund(Vendor vendor, String orderId, NewRefund refund) {
		Assert.hasText(refund.refundId(), "refundId must not be empty");
		Stored order = orders.lock(vendor.id(), orderId)
			.orElseThrow(() -> ApiProblem.notFound("orders.orderNotFound", orderId));
		Optional<StoredRefund> existing = orders.findRefund(vendor.id(), refund.refundId());
		if (existing.isPresent()) {
			return replay(vendor, existing.get(), orderId, refund.contentHash());
		}
		if (refund.amount().signum() <= 0) {
			throw ApiProblem.invalidField("amount", "validation.positive");
		}
		BigDecimal remaining = order.originalAmount().subtract(orders.refunded(vendor.id(), orderId));
		if (refund.amount().compareTo(remaining) > 0) {
			throw ApiProblem.unprocessable("orders.refundAboveRemaining", refund.amount().toPlainString(),
					remaining.stripTrailingZeros().toPlainString(), order.currency().getCurrencyCode());
		}
		BigDecimal converted = refund.amount().multiply(order.rate()).setScale(CONVERTED_SCALE, RoundingMode.HALF_EVEN);
		LocalDate period = refund.occurredAt().atZoneSameInstant(vendor.timeZone()).toLocalDate().withDayOfMonth(1);
		if (!orders.insertRefund(vendor.id(), refund.refundId(), orderId, refund.amount(), converted,
				refund.occurredAt().toInstant(), period, refund.contentHash(), arrivals.arrive(vendor.id()))) {
			return replay(vendor, orders.findRefund(vendor.id(), refund.refundId()).orElseThrow(), orderId,
					refund.contentHash());
		}
		events.publishEvent(new RefundRecorded(vendor.id(), refund.refundId(), orderId, YearMonth.from(period),
				order.partnerId(), new Money(converted, vendor.currency())));
		return new RecordedRefund(refund.refundId(), orderId, new Money(converted, vendor.currency()), true);
	}

	/**
	 * Per partner: sum of converted net amounts of attributed, non-self-referral orders
	 * whose period (calendar month of occurredAt in the vendor's time zone) is
	 * {@code month}, minus refunds booked in {@code month} on orders of {@code month}.
	 * One GROUP BY over the index on (vendor_id, period). Unrounded, in the program
	 * currency; a partner whose refunds exceed its sales has a negative volume.
	 */
	public List<PartnerVolume> monthlyVolumes(VendorId vendorId, YearMonth month) {
		return orders.monthlyVolumes(vendorId, month.atDay(1), clock.instant());
	}

	/**
	 * As {@link #monthlyVolumes(VendorId, YearMonth)}, counting only the orders and
	 * refunds that had arrived by {@code receivedBy} (a month's close counts what it has).
	 */
	public List<PartnerVolume> monthlyVolumes(VendorId vendorId, YearMonth month, Instant receivedBy) {
		return orders.monthlyVolumes(vendorId, month.atDay(1), receivedBy);
	}

	/**
	 * Refunds on attributed non-self-referral orders, arrived by {@code receivedBy}, that
	 * {@code month}'s close settles as adjustments: those booked in {@code month} on
	 * orders of EARLIER months, and those booked in a month of {@code receivedAfter} that
	 * arrived after the instant given for it (after that month was closed).
	 */
	public List<LateRefund> lateRefunds(VendorId vendorId, YearMonth month, Instant receivedBy,
			Map<YearMonth, Instant> receivedAfter) {
		return orders.lateRefunds(vendorId, month.atDay(1), receivedBy, byPeriod(receivedAfter));
	}

	/**
	 * Attributed non-self-referral orders of the months in {@code receivedAfter} that
	 * arrived after the instant given for their month and by {@code receivedBy}.
	 */
	public List<ReceivedOrder> ordersReceivedAfter(VendorId vendorId, Map<YearMonth, Instant> receivedAfter,
			Instant receivedBy) {
		return orders.receivedAfter(vendorId, byPeriod(receivedAfter), receivedBy);
	}

	/**
	 * A partner's orders of {@code month} and the refunds booked in it on them, as far as
	 * they had arrived by {@code receivedBy}: the lines of a statement closed then.
	 */
	public List<BookedEntry> booked(VendorId vendorId, PartnerId partnerId, YearMonth month, Instant receivedBy) {
		return orders.booked(vendorId, partnerId, month.atDay(1), receivedBy);
	}

	private static Map<LocalDate, Instant> byPeriod(Map<YearMonth, Instant> byMonth) {
		Map<LocalDate, Instant> byPeriod = new TreeMap<>();
		byMonth.forEach((month, instant) -> byPeriod.put(month.atDay(1), instant));
		return byPeriod;
	}

	/**
	 * For SELF-processing Internet Partners' sales reports: inside the caller's
	 * transaction, deletes the orders (and their items) with source REPORT of (vendor,
	 * partner, month) and inserts one order per sale, attribution REPORT, source
	 * REPORT, report id kept, occurredAt = the given time, period = {@code month}.
	 * Amounts are in the program currency (rate 1). Order ids are
	 * {@code report-<reportId>-<line>}. Publishes no events: the report is the fact.
	 */
	@Transactional
	public void replaceReportedOrders(Vendor vendor, PartnerId partnerId, YearMonth month, long reportId,
			List<ReportedSale> sales, Instant occurredAt) {
		LocalDate period = month.atDay(1);
		orders.deleteReported(vendor.id(), partnerId, period);
		Instant now = arrivals.arrive(vendor.id());
		for (int i = 0; i < sales.size(); i++) {
			ReportedSale sale = sales.get(i);
			String orderId = "report-" + reportId + "-" + (i + 1);
			BigDecimal unitPrice = sale.quantity() > 0
					? sale.amount().divide(BigDecimal.valueOf(sale.quantity()), 4, RoundingMode.HALF_EVEN)
					: sale.amount();
			Orders.Row row = new Orders.Row(vendor.id(), orderId, partnerId, occurredAt, period, vendor.currency(),
					sale.amount(), BigDecimal.ONE, sale.amount().setScale(CONVERTED_SCALE, RoundingMode.HALF_EVEN),
					sale.clientEmail(), sale.clientName(), sale.clientCountry(), Attribution.REPORT, null, null, false,
					"REPORT", reportId, ContentHash.of(ContentHash.object().put("sku", sale.sku())
						.put("quantity", sale.quantity()).put("amount", sale.amount().toPlainString())
						.put("clientName", sale.clientName()).put("clientEmail", sale.clientEmail())
						.put("clientCountry", sale.clientCountry())));
			if (!orders.insert(row, List.of(new OrderItem(sale.sku(), Math.max(sale.quantity(), 1), unitPrice)),
					now)) {
				throw ApiProblem.conflict("orders.duplicate", orderId);
			}
		}
	}

	/** Orders of a vendor for the console: filter, sort, page. */
	public OrderPage orders(Vendor vendor, OrderQuery query) {
		return orders.page(vendor.id(), vendor.timeZone(), vendor.currency(), query);
	}

	/** The items of one of the vendor's orders. */
	public List<OrderItem> items(VendorId vendorId, String orderId) {
		return orders.items(vendorId, orderId);
	}

	/**
	 * What each partner sold of each product per month, {@code from} to {@code to}
	 * inclusive, for reporting (forecast versus actual per product, sales dashboards).
	 */
	public List<ProductSales> productSales(VendorId vendorId, YearMonth from, YearMonth to) {
		return orders.productSales(vendorId, from.atDay(1), to.atDay(1));
	}

	/**
	 * A partner's orders and volume per month of a vendor's program, {@code from} to
	 * {@code to} inclusive; months without orders are included with zeros.
	 */
	public List<MonthlyOrders> partnerMonths(VendorId vendorId, PartnerId partnerId, YearMonth from, YearMonth to) {
		Map<YearMonth, long[]> counts = new TreeMap<>();
		Map<YearMonth, BigDecimal> volumes = new TreeMap<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			counts.put(m, new long[1]);
			volumes.put(m, BigDecimal.ZERO);
		}
		for (MonthFigures f : orders.partnerMonths(vendorId, partnerId, from.atDay(1), to.atDay(1))) {
			counts.get(f.month())[0] = f.count();
			volumes.merge(f.month(), f.amount(), BigDecimal::add);
		}
		for (MonthFigures f : orders.partnerRefunds(vendorId, partnerId, from.atDay(1), to.atDay(1))) {
			volumes.merge(f.month(), f.amount().negate(), BigDecimal::add);
		}
		List<MonthlyOrders> result = new ArrayList<>();
		counts.forEach((m, c) -> result.add(new MonthlyOrders(m, c[0], volumes.get(m))));
		return result;
	}

	/**
	 * Orders per sub-id from {@code from} to {@code to} (days inclusive, the vendor's time
	 * zone), only for the given sub-ids; of one partner when {@code partnerId} is given,
	 * else of every partner of the vendor.
	 * @return one entry per sub-id that has orders; will never be {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<SubIdOrders> subIdOrders(Vendor vendor, @org.jspecify.annotations.Nullable PartnerId partnerId,
			LocalDate from, LocalDate to, java.util.Collection<String> subIds) {
		if (subIds.isEmpty()) {
			return List.of();
		}
		return orders.subIdOrders(vendor.id(), partnerId, from.atStartOfDay(vendor.timeZone()).toInstant(),
				to.plusDays(1).atStartOfDay(vendor.timeZone()).toInstant(), subIds);
	}

	/** Orders of a partner per day in the vendor's time zone, with the click id they came through. */
	List<Orders.DayFigures> partnerDays(Vendor vendor, PartnerId partnerId, LocalDate from, LocalDate to) {
		return orders.partnerDays(vendor.id(), vendor.timeZone(), partnerId,
				from.atStartOfDay(vendor.timeZone()).toInstant(),
				to.plusDays(1).atStartOfDay(vendor.timeZone()).toInstant());
	}

	private RecordedOrder replay(Vendor vendor, Stored stored, String contentHash) {
		if (!stored.contentHash().equals(contentHash)) {
			throw ApiProblem.conflict("orders.conflict", stored.orderId());
		}
		return new RecordedOrder(stored.orderId(), stored.partnerId(), new Money(stored.amount(), vendor.currency()),
				new Money(stored.originalAmount(), stored.currency()), stored.rate(), YearMonth.from(stored.period()),
				false);
	}

	private static RecordedRefund replay(Vendor vendor, StoredRefund stored, String orderId, String contentHash) {
		if (!stored.orderId().equals(orderId) || !stored.contentHash().equals(contentHash)) {
			throw ApiProblem.conflict("orders.refundConflict", stored.refundId());
		}
		return new RecordedRefund(stored.refundId(), stored.orderId(),
				new Money(stored.amountConverted(), vendor.currency()), false);
	}

	/** Hex SHA-256 of a text (the intake hashes canonical JSON, see {@code ContentHash}). */
	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
