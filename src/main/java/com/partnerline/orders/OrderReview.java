package com.partnerline.orders;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.partnerline.audit.AuditLog;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of held orders (commission-policy.md, Holds): the vendor's queue, approval
 * (the order counts from that moment: in its month while the month is open, as a late
 * order after its close) and rejection (never commissioned, the reason kept), each
 * audited; and a partner's transactions with their status.
 */
@Service
public class OrderReview {

	static final Set<String> DECISIONS = Set.of("APPROVE", "REJECT");

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SettledMonths settledMonths;

	private final ApplicationEventPublisher events;

	private final Arrivals arrivals;

	OrderReview(JdbcClient jdbc, AuditLog audit, SettledMonths settledMonths, ApplicationEventPublisher events,
			Arrivals arrivals) {
		this.arrivals = arrivals;
		this.jdbc = jdbc;
		this.audit = audit;
		this.settledMonths = settledMonths;
		this.events = events;
	}

	/**
	 * The vendor's orders waiting for a review, oldest first, optionally only one
	 * partner's or one rule's.
	 */
	public List<HeldOrder> held(Vendor vendor, @Nullable PartnerId partner, @Nullable String reason, int limit) {
		return jdbc.sql("""
				SELECT order_id, partner_id, amount, hold_reason, occurred_at, created_at FROM orders
				WHERE vendor_id = ? AND hold_status = 'HELD'
				  AND (?::uuid IS NULL OR partner_id = ?::uuid) AND (?::varchar IS NULL OR hold_reason = ?::varchar)
				ORDER BY created_at, order_id LIMIT ?""")
			.params(vendor.id().value(), partner == null ? null : partner.value(), partner == null ? null : partner.value(),
					reason, reason, Math.min(Math.max(limit, 1), 1000))
			.query((rs, n) -> new HeldOrder(rs.getString(1), new PartnerId(rs.getObject(2, UUID.class)),
					rs.getBigDecimal(3), vendor.currency().getCurrencyCode(), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * Approves or rejects a held order. Deciding it again the same way changes nothing.
	 * @throws ApiProblem 422 naming {@code decision} or {@code reason}, 404 for an unknown
	 * order, 409 when it is not held (or was decided the other way)
	 */
	@Transactional
	public void review(Vendor vendor, String orderId, @Nullable String decision, @Nullable String reason,
			String actor) {
		List<FieldProblem> problems = new ArrayList<>();
		String kind = decision == null ? "" : decision.strip();
		if (!DECISIONS.contains(kind)) {
			problems.add(new FieldProblem("decision", "orders.decisionInvalid"));
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			problems.add(new FieldProblem("reason", "validation.required"));
		}
		else if (why.length() > 2000) {
			problems.add(new FieldProblem("reason", "validation.tooLong"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		Held held = jdbc.sql("""
				SELECT partner_id, hold_status FROM orders WHERE vendor_id = ? AND order_id = ? FOR UPDATE""")
			.params(vendor.id().value(), orderId)
			.query((rs, n) -> new Held((UUID) rs.getObject(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("orders.orderNotFound", orderId));
		String target = kind.equals("APPROVE") ? "RELEASED" : "REJECTED";
		if (target.equals(held.status())) {
			return;
		}
		if (!"HELD".equals(held.status()) || held.partnerId() == null) {
			throw ApiProblem.conflict("orders.notHeld", orderId);
		}
		Instant now = arrivals.arrive(vendor.id());
		jdbc.sql("""
				UPDATE orders SET hold_status = ?, reviewed_at = ?, reviewed_by = ?, review_reason = ?,
				  counted_at = CAST(? AS timestamptz)
				WHERE vendor_id = ? AND order_id = ?""")
			.params(target, Timestamp.from(now), actor, why, target.equals("RELEASED") ? Timestamp.from(now) : null,
					vendor.id().value(), orderId)
			.update();
		audit.record(actor, vendor.id().value(), "ORDER_" + target, orderId, why);
		events.publishEvent(new OrderReleased(vendor.id(), orderId, new PartnerId(held.partnerId()), kind, why));
	}

	/**
	 * Decides several held orders the same way with one reason, all or none.
	 * @throws ApiProblem as {@link #review}; 422 naming {@code orderIds} when none is given
	 */
	@Transactional
	public int reviewAll(Vendor vendor, List<String> orderIds, @Nullable String decision, @Nullable String reason,
			String actor) {
		if (orderIds.isEmpty()) {
			throw ApiProblem.invalidField("orderIds", "orders.noneSelected");
		}
		for (String orderId : orderIds.stream().distinct().limit(1000).toList()) {
			review(vendor, orderId, decision, reason, actor);
		}
		return (int) orderIds.stream().distinct().limit(1000).count();
	}

	/**
	 * The partner's orders whose order month is from {@code from} up to but not including {@code to}, newest first, each with
	 * its status: HELD, REJECTED, PENDING (its month is open), ON_STATEMENT (counted on a
	 * closed month's statement), PAID (that month's payout batch was paid).
	 */
	public List<Transaction> transactions(Vendor vendor, PartnerId partner, YearMonth from, YearMonth to) {
		List<Row> rows = jdbc.sql("""
				SELECT o.order_id, o.occurred_at, o.amount, o.hold_status, o.hold_reason, o.review_reason, o.counted_at,
				  o.period
				FROM orders o WHERE o.vendor_id = ? AND o.partner_id = ? AND o.period BETWEEN ? AND ?
				ORDER BY o.occurred_at DESC, o.order_id LIMIT 5000""")
			.params(vendor.id().value(), partner.value(), from.atDay(1), to.atDay(1))
			.query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3),
					rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
					YearMonth.from(rs.getObject(8, LocalDate.class))))
			.list();
		List<SettledMonths.SettledMonth> closed = rows.isEmpty() ? List.of()
				: settledMonths.closedFrom(vendor.id(), from);
		List<Transaction> result = new ArrayList<>();
		for (Row row : rows) {
			String status;
			if ("HELD".equals(row.hold())) {
				status = "HELD";
			}
			else if ("REJECTED".equals(row.hold())) {
				status = "REJECTED";
			}
			else {
				// settled by the first close of its month or a later one after it started to count
				SettledMonths.SettledMonth settled = row.countedAt() == null ? null
						: closed.stream()
							.filter(c -> !c.month().isBefore(row.period()) && !c.closedAt().isBefore(row.countedAt()))
							.findFirst()
							.orElse(null);
				status = settled == null ? "PENDING" : settled.paid() ? "PAID" : "ON_STATEMENT";
			}
			result.add(new Transaction(row.orderId(), row.occurredAt(), row.amount(), vendor.currency().getCurrencyCode(),
					status, row.hold() == null ? null : row.reason(), row.review()));
		}
		return result;
	}

	record Held(@Nullable UUID partnerId, @Nullable String status) {
	}

	record Row(String orderId, Instant occurredAt, BigDecimal amount, @Nullable String hold, @Nullable String reason,
			@Nullable String review, @Nullable Instant countedAt, YearMonth period) {
	}

	// An order waiting for review; amount in the program currency, unrounded.
	public record HeldOrder(String orderId, PartnerId partnerId, BigDecimal amount, String currency, String reason,
			Instant occurredAt, Instant receivedAt) {
	}

	// One of a partner's orders as the partner sees it.
	public record Transaction(String orderId, Instant occurredAt, BigDecimal amount, String currency, String status,
			@Nullable String holdReason, @Nullable String reviewReason) {
	}

}
