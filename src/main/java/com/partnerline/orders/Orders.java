package com.partnerline.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of orders and refunds. Every statement is scoped by the vendor id. */
@Repository
class Orders {

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Stored(String orderId, @Nullable PartnerId partnerId, Currency currency, BigDecimal originalAmount,
			BigDecimal rate, BigDecimal amount, LocalDate period, boolean selfReferral, String contentHash) {
	}

	record StoredRefund(String refundId, String orderId, BigDecimal amountConverted, String contentHash) {
	}

	record Row(VendorId vendorId, String orderId, @Nullable PartnerId partnerId, Instant occurredAt, LocalDate period,
			Currency currency, BigDecimal originalAmount, BigDecimal rate, BigDecimal amount,
			@Nullable String customerEmail, @Nullable String customerName, @Nullable String customerCountry,
			Attribution attribution, @Nullable String clickId, @Nullable String subId, boolean selfReferral,
			String source, @Nullable Long reportId, String contentHash) {
	}

	Optional<Stored> find(VendorId vendorId, String orderId) {
		return jdbc.sql("""
				SELECT order_id, partner_id, currency, original_amount, rate, amount, period, self_referral, content_hash
				FROM orders WHERE vendor_id = ? AND order_id = ?""")
			.params(vendorId.value(), orderId)
			.query(Orders::stored)
			.optional();
	}

	/** The order, locked until the transaction ends, so that its refunds are booked one at a time. */
	Optional<Stored> lock(VendorId vendorId, String orderId) {
		return jdbc.sql("""
				SELECT order_id, partner_id, currency, original_amount, rate, amount, period, self_referral, content_hash
				FROM orders WHERE vendor_id = ? AND order_id = ? FOR UPDATE""")
			.params(vendorId.value(), orderId)
			.query(Orders::stored)
			.optional();
	}

	/**
	 * Inserts the order and its items in one statement unless an order with its id
	 * exists; true when this call inserted it. A concurrent insert of the same id waits
	 * for the other transaction and then inserts nothing.
	 */
	boolean insert(Row row, List<OrderItem> items, Instant now) {
		int n = items.size();
		// arrays of text, cast in SQL: the driver binds String[] everywhere
		String[] lines = new String[n];
		String[] skus = new String[n];
		String[] quantities = new String[n];
		String[] prices = new String[n];
		for (int i = 0; i < n; i++) {
			lines[i] = Integer.toString(i + 1);
			skus[i] = items.get(i).sku();
			quantities[i] = Integer.toString(items.get(i).quantity());
			prices[i] = items.get(i).unitPrice().toPlainString();
		}
		Integer inserted = jdbc.sql("""
				WITH o AS (
				  INSERT INTO orders (vendor_id, order_id, partner_id, occurred_at, period, currency, original_amount,
				    rate, amount, customer_email, customer_name, customer_country, attribution, click_id, sub_id,
				    self_referral, source, report_id, content_hash, created_at, counted_at)
				  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				  ON CONFLICT (vendor_id, order_id) DO NOTHING
				  RETURNING vendor_id, order_id),
				i AS (
				  INSERT INTO order_items (vendor_id, order_id, line, sku, quantity, unit_price)
				  SELECT o.vendor_id, o.order_id, t.line, t.sku, t.quantity, t.price
				  FROM o, unnest(?::varchar[]::int[], ?::varchar[], ?::varchar[]::int[], ?::varchar[]::numeric[])
				    AS t(line, sku, quantity, price)
				  RETURNING 1)
				SELECT (SELECT count(*) FROM o)::int""")
			.params(row.vendorId().value(), row.orderId(), row.partnerId() == null ? null : row.partnerId().value(),
					Timestamp.from(row.occurredAt()), row.period(), row.currency().getCurrencyCode(),
					row.originalAmount(), row.rate(), row.amount(), row.customerEmail(), row.customerName(),
					row.customerCountry(), row.attribution().name(), row.clickId(), row.subId(), row.selfReferral(),
					row.source(),
					row.reportId(), row.contentHash(), Timestamp.from(now), Timestamp.from(now), lines, skus, quantities,
					prices)
			.query(Integer.class)
			.single();
		return inserted == 1;
	}

	List<OrderItem> items(VendorId vendorId, String orderId) {
		return jdbc.sql("SELECT sku, quantity, unit_price FROM order_items WHERE vendor_id = ? AND order_id = ? ORDER BY line")
			.params(vendorId.value(), orderId)
			.query((rs, n) -> new OrderItem(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)))
			.list();
	}

	Optional<StoredRefund> findRefund(VendorId vendorId, String refundId) {
		return jdbc.sql("""
				SELECT refund_id, order_id, amount_converted, content_hash FROM refunds
				WHERE vendor_id = ? AND refund_id = ?""")
			.params(vendorId.value(), refundId)
			.query((rs, n) -> new StoredRefund(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
					rs.getString(4)))
			.optional();
	}

	BigDecimal refunded(VendorId vendorId, String orderId) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE vendor_id = ? AND order_id = ?")
			.params(vendorId.value(), orderId)
			.query(BigDecimal.class)
			.single();
	}

	boolean insertRefund(VendorId vendorId, String refundId, String orderId, BigDecimal amount,
			BigDecimal converted, Instant occurredAt, LocalDate period, String contentHash, Instant now) {
		return jdbc.sql("""
				INSERT INTO refunds (vendor_id, refund_id, order_id, amount, amount_converted, occurred_at, period,
				  content_hash, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vendor_id, refund_id) DO NOTHING""")
			.params(vendorId.value(), refundId, orderId, amount, converted, Timestamp.from(occurredAt), period,
					contentHash, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Per partner: the period's orders minus the refunds booked in it on them, counting
	 * only what had arrived by {@code receivedBy}.
	 */
	List<PartnerVolume> monthlyVolumes(VendorId vendorId, LocalDate period, Instant receivedBy) {
		return jdbc.sql("""
				SELECT partner_id, SUM(value) AS volume FROM (
				  SELECT o.partner_id, o.amount AS value FROM orders o
				  WHERE o.vendor_id = :vendor AND o.period = :period AND o.counted_at <= :by
				    AND o.partner_id IS NOT NULL AND NOT o.self_referral
				  UNION ALL
				  SELECT o.partner_id, -r.amount_converted FROM refunds r
				  JOIN orders o ON o.vendor_id = r.vendor_id AND o.order_id = r.order_id
				  WHERE r.vendor_id = :vendor AND r.period = :period AND r.created_at <= :by AND o.period = :period
				    AND o.counted_at <= :by AND o.partner_id IS NOT NULL AND NOT o.self_referral
				) v GROUP BY partner_id ORDER BY partner_id""")
			.param("vendor", vendorId.value())
			.param("period", period)
			.param("by", Timestamp.from(receivedBy))
			.query((rs, n) -> new PartnerVolume(new PartnerId(rs.getObject(1, UUID.class)), rs.getBigDecimal(2)))
			.list();
	}

	/**
	 * Refunds arrived by {@code receivedBy} that are booked in {@code period} on orders of
	 * earlier periods, and refunds of any period in {@code receivedAfter} that arrived
	 * after the instant given for it.
	 */
	List<LateRefund> lateRefunds(VendorId vendorId, LocalDate period, Instant receivedBy,
			Map<LocalDate, Instant> receivedAfter) {
		return jdbc.sql("""
				SELECT o.partner_id, r.refund_id, r.order_id, o.period, o.counted_at, o.amount, r.period, r.created_at,
				  r.amount_converted
				FROM refunds r JOIN orders o ON o.vendor_id = r.vendor_id AND o.order_id = r.order_id
				WHERE r.vendor_id = :vendor AND r.period = :period AND r.created_at <= :by AND o.period < :period
				  AND o.counted_at <= :by AND o.partner_id IS NOT NULL AND NOT o.self_referral
				UNION ALL
				SELECT o.partner_id, r.refund_id, r.order_id, o.period, o.counted_at, o.amount, r.period, r.created_at,
				  r.amount_converted
				FROM unnest(CAST(:periods AS date[]), CAST(:after AS timestamptz[])) AS l(period, after)
				JOIN refunds r ON r.vendor_id = :vendor AND r.period = l.period AND r.created_at > l.after
				JOIN orders o ON o.vendor_id = r.vendor_id AND o.order_id = r.order_id
				WHERE r.created_at <= :by AND o.counted_at <= :by AND o.partner_id IS NOT NULL AND NOT o.self_referral
				ORDER BY 1, 2""")
			.param("vendor", vendorId.value())
			.param("period", period)
			.param("by", Timestamp.from(receivedBy))
			.param("periods", dates(receivedAfter))
			.param("after", instants(receivedAfter))
			.query((rs, n) -> new LateRefund(new PartnerId(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getString(3), YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getTimestamp(5).toInstant(),
					rs.getBigDecimal(6), YearMonth.from(rs.getObject(7, LocalDate.class)),
					rs.getTimestamp(8).toInstant(), rs.getBigDecimal(9)))
			.list();
	}

	/**
	 * Attributed, commissioned orders of the periods in {@code receivedAfter} that arrived
	 * after the instant given for their period and by {@code receivedBy}: one index range
	 * per period.
	 */
	List<ReceivedOrder> receivedAfter(VendorId vendorId, Map<LocalDate, Instant> receivedAfter, Instant receivedBy) {
		if (receivedAfter.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT o.partner_id, o.order_id, o.period, o.counted_at, o.amount
				FROM unnest(CAST(:periods AS date[]), CAST(:after AS timestamptz[])) AS l(period, after)
				JOIN orders o ON o.vendor_id = :vendor AND o.period = l.period AND o.counted_at > l.after
				WHERE o.counted_at <= :by AND o.partner_id IS NOT NULL AND NOT o.self_referral
				ORDER BY o.partner_id, o.order_id""")
			.param("vendor", vendorId.value())
			.param("periods", dates(receivedAfter))
			.param("after", instants(receivedAfter))
			.param("by", Timestamp.from(receivedBy))
			.query((rs, n) -> new ReceivedOrder(new PartnerId(rs.getObject(1, UUID.class)), rs.getString(2),
					YearMonth.from(rs.getObject(3, LocalDate.class)), rs.getTimestamp(4).toInstant(),
					rs.getBigDecimal(5)))
			.list();
	}

	/**
	 * A partner's orders of a period (self-referrals included) and the refunds booked in
	 * it on them, as far as they had arrived by {@code receivedBy}; by time.
	 */
	List<BookedEntry> booked(VendorId vendorId, PartnerId partnerId, LocalDate period, Instant receivedBy) {
		return jdbc.sql("""
				SELECT order_id, NULL AS refund_id, occurred_at, amount, self_referral FROM orders
				WHERE vendor_id = :vendor AND period = :period AND counted_at <= :by AND partner_id = :partner
				UNION ALL
				SELECT r.order_id, r.refund_id, r.occurred_at, -r.amount_converted, o.self_referral FROM refunds r
				JOIN orders o ON o.vendor_id = r.vendor_id AND o.order_id = r.order_id
				WHERE r.vendor_id = :vendor AND r.period = :period AND r.created_at <= :by AND o.period = :period
				  AND o.counted_at <= :by AND o.partner_id = :partner AND NOT o.self_referral
				ORDER BY occurred_at, order_id, refund_id NULLS FIRST""")
			.param("vendor", vendorId.value())
			.param("period", period)
			.param("by", Timestamp.from(receivedBy))
			.param("partner", partnerId.value())
			.query((rs, n) -> new BookedEntry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getBigDecimal(4), rs.getBoolean(5)))
			.list();
	}

	private static String[] dates(Map<LocalDate, Instant> byPeriod) {
		return byPeriod.keySet().stream().map(LocalDate::toString).toArray(String[]::new);
	}

	private static String[] instants(Map<LocalDate, Instant> byPeriod) {
		return byPeriod.values().stream().map(Instant::toString).toArray(String[]::new);
	}

	/** Removes the orders of a replaced sales report, with their items (no foreign key cascades it). */
	void deleteReported(VendorId vendorId, PartnerId partnerId, LocalDate period) {
		jdbc.sql("""
				WITH o AS (
				  DELETE FROM orders WHERE vendor_id = ? AND partner_id = ? AND period = ? AND source = 'REPORT'
				  RETURNING vendor_id, order_id)
				DELETE FROM order_items i USING o WHERE i.vendor_id = o.vendor_id AND i.order_id = o.order_id""")
			.params(vendorId.value(), partnerId.value(), period)
			.update();
	}

	OrderPage page(VendorId vendorId, ZoneId zone, Currency programCurrency, OrderQuery query) {
		StringBuilder where = new StringBuilder(" WHERE o.vendor_id = :vendor");
		var params = new java.util.LinkedHashMap<String, Object>();
		params.put("vendor", vendorId.value());
		if (query.from() != null) {
			where.append(" AND o.occurred_at >= :from");
			params.put("from", Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
		}
		if (query.to() != null) {
			where.append(" AND o.occurred_at < :to");
			params.put("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (query.partnerId() != null) {
			where.append(" AND o.partner_id = :partner");
			params.put("partner", query.partnerId().value());
		}
		if (query.attribution() != null) {
			where.append(" AND o.attribution = :attribution");
			params.put("attribution", query.attribution().name());
		}
		if (query.search() != null && !query.search().isBlank()) {
			where.append(" AND (o.order_id LIKE :search OR lower(o.customer_email) LIKE :search)");
			params.put("search", like(query.search().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		long total = jdbc.sql("SELECT count(*) FROM orders o" + where).params(params).query(Long.class).single();
		String order = switch (query.sort()) {
			case "amount" -> "o.amount";
			case "orderId" -> "o.order_id";
			default -> "o.occurred_at";
		} + (query.descending() ? " DESC" : " ASC") + ", o.order_id" + (query.descending() ? " DESC" : " ASC");
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		List<OrderRow> rows = jdbc.sql("""
				SELECT o.*,
				  (SELECT COALESCE(SUM(r.amount_converted), 0) FROM refunds r
				   WHERE r.vendor_id = o.vendor_id AND r.order_id = o.order_id) AS refunded
				FROM orders o""" + where + " ORDER BY " + order
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> row(rs, programCurrency))
			.list();
		return new OrderPage(rows, total, query.page(), query.size());
	}

	/** Orders and converted net volume (attributed, not self-referral) of a partner per month. */
	List<MonthFigures> partnerMonths(VendorId vendorId, PartnerId partnerId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT period, count(*) AS orders,
				  COALESCE(SUM(amount) FILTER (WHERE NOT self_referral AND counted_at IS NOT NULL), 0) AS volume
				FROM orders WHERE vendor_id = ? AND partner_id = ? AND period BETWEEN ? AND ?
				GROUP BY period ORDER BY period""")
			.params(vendorId.value(), partnerId.value(), from, to)
			.query((rs, n) -> new MonthFigures(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2),
					rs.getBigDecimal(3)))
			.list();
	}

	/**
	 * Items per partner, period and SKU of attributed, non-self-referral orders; amounts
	 * converted, less the refunds booked in the order's month (shared among an order's
	 * items by their amounts), so that a month's products add up to its volume.
	 */
	List<ProductSales> productSales(VendorId vendorId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT o.partner_id, o.period, i.sku, SUM(i.quantity) AS quantity,
				  SUM(i.quantity * i.unit_price * o.rate * (1 - COALESCE(r.refunded / NULLIF(o.original_amount, 0), 0))) AS amount
				FROM orders o JOIN order_items i ON i.vendor_id = o.vendor_id AND i.order_id = o.order_id
				LEFT JOIN LATERAL (SELECT SUM(r.amount) AS refunded FROM refunds r
				  WHERE r.vendor_id = o.vendor_id AND r.order_id = o.order_id AND r.period = o.period) r ON TRUE
				WHERE o.vendor_id = ? AND o.period BETWEEN ? AND ? AND o.partner_id IS NOT NULL AND NOT o.self_referral
				  AND o.counted_at IS NOT NULL
				GROUP BY o.partner_id, o.period, i.sku""")
			.params(vendorId.value(), from, to)
			.query((rs, n) -> new ProductSales(new PartnerId(rs.getObject(1, UUID.class)),
					YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getString(3), rs.getLong(4),
					rs.getBigDecimal(5)))
			.list();
	}

	/**
	 * Refunds booked per month (refund period) on the partner's counted orders of the same month
	 * (a refund of a held or rejected order takes nothing from a volume it never added to).
	 */
	List<MonthFigures> partnerRefunds(VendorId vendorId, PartnerId partnerId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT r.period, count(*), SUM(r.amount_converted) FROM refunds r
				JOIN orders o ON o.vendor_id = r.vendor_id AND o.order_id = r.order_id
				WHERE r.vendor_id = ? AND o.partner_id = ? AND r.period BETWEEN ? AND ? AND o.period = r.period
				  AND NOT o.self_referral AND o.counted_at IS NOT NULL
				GROUP BY r.period""")
			.params(vendorId.value(), partnerId.value(), from, to)
			.query((rs, n) -> new MonthFigures(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2),
					rs.getBigDecimal(3)))
			.list();
	}

	/** Orders per sub-id of the given sub-ids; of one partner, or of all the vendor's partners when it is null. */
	List<SubIdOrders> subIdOrders(VendorId vendorId, @Nullable PartnerId partnerId, Instant from, Instant to,
			java.util.Collection<String> subIds) {
		return jdbc.sql("""
				SELECT sub_id, count(*),
				  COALESCE(SUM(amount) FILTER (WHERE NOT self_referral AND counted_at IS NOT NULL), 0)
				FROM orders
				WHERE vendor_id = :vendor AND partner_id IS NOT NULL
				  AND (CAST(:partner AS uuid) IS NULL OR partner_id = :partner)
				  AND occurred_at >= :from AND occurred_at < :to AND sub_id = ANY(CAST(:subIds AS varchar[]))
				GROUP BY sub_id""")
			.param("vendor", vendorId.value())
			.param("partner", partnerId == null ? null : partnerId.value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("subIds", subIds.toArray(String[]::new))
			.query((rs, n) -> new SubIdOrders(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list();
	}

	/** Orders of a partner per day (in the vendor's time zone) and per sub-id. */
	List<DayFigures> partnerDays(VendorId vendorId, ZoneId zone, PartnerId partnerId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT (occurred_at AT TIME ZONE ?)::date AS day, sub_id, count(*),
				  COALESCE(SUM(amount) FILTER (WHERE NOT self_referral AND counted_at IS NOT NULL), 0)
				FROM orders WHERE vendor_id = ? AND partner_id = ? AND occurred_at >= ? AND occurred_at < ?
				GROUP BY 1, 2""")
			.params(zone.getId(), vendorId.value(), partnerId.value(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new DayFigures(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
					rs.getBigDecimal(4)))
			.list();
	}

	record MonthFigures(YearMonth month, long count, BigDecimal amount) {
	}

	record DayFigures(LocalDate day, @Nullable String subId, long count, BigDecimal amount) {
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		UUID partner = rs.getObject("partner_id", UUID.class);
		return new Stored(rs.getString("order_id"), partner == null ? null : new PartnerId(partner),
				Currency.getInstance(rs.getString("currency").trim()), rs.getBigDecimal("original_amount"),
				rs.getBigDecimal("rate"), rs.getBigDecimal("amount"), rs.getObject("period", LocalDate.class),
				rs.getBoolean("self_referral"), rs.getString("content_hash"));
	}

	private static OrderRow row(ResultSet rs, Currency program) throws SQLException {
		UUID partner = rs.getObject("partner_id", UUID.class);
		return new OrderRow(rs.getString("order_id"), rs.getTimestamp("occurred_at").toInstant(),
				YearMonth.from(rs.getObject("period", LocalDate.class)), partner == null ? null : new PartnerId(partner),
				Attribution.valueOf(rs.getString("attribution")), rs.getBoolean("self_referral"),
				rs.getString("source"), new Money(rs.getBigDecimal("amount"), program),
				Money.of(rs.getBigDecimal("original_amount"), rs.getString("currency").trim()),
				rs.getBigDecimal("rate"), rs.getBigDecimal("refunded"), rs.getString("customer_email"),
				rs.getString("customer_country"));
	}

}
