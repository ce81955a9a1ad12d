package com.partnerline.orders;

import java.util.List;

import com.partnerline.kernel.CustomerErased;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;
import com.partnerline.kernel.VendorId;
import com.partnerline.tracking.TrackingPersonalData;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner's orders and refunds for its data export (amounts and states, never the
 * customers' emails or names: they are the customers' data); and a customer's erasure: the
 * email becomes the pseudonym, name and address are removed, and the clicks of its orders
 * forget the visitor. Amounts, months and partners stay, so every figure stays the same.
 */
@Component
class OrderPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final TrackingPersonalData clicks;

	OrderPersonalData(JdbcClient jdbc, TrackingPersonalData clicks) {
		this.jdbc = jdbc;
		this.clicks = clicks;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "orders-transactions", """
						SELECT v.slug AS vendor, o.order_id, o.occurred_at, to_char(o.period, 'YYYY-MM') AS month,
						  o.currency AS original_currency, o.original_amount, o.amount, v.currency, o.customer_country,
						  o.attribution, o.sub_id, o.source, o.hold_status, o.hold_reason, o.review_reason, o.counted_at
						FROM orders o JOIN vendors v ON v.id = o.vendor_id
						WHERE o.partner_id = ? ORDER BY o.occurred_at, o.order_id""", partner.value()),
				Table.query(jdbc, "orders-refunds", """
						SELECT v.slug AS vendor, r.refund_id, r.order_id, r.occurred_at, to_char(r.period, 'YYYY-MM') AS month,
						  r.amount, o.currency AS original_currency, r.amount_converted
						FROM refunds r JOIN orders o ON o.vendor_id = r.vendor_id AND o.order_id = r.order_id
						JOIN vendors v ON v.id = r.vendor_id
						WHERE o.partner_id = ? ORDER BY r.occurred_at, r.refund_id""", partner.value()));
	}

	@EventListener
	void on(CustomerErased event) {
		List<Click> linked = jdbc.sql("""
				SELECT vendor_id, click_id FROM orders WHERE lower(customer_email) = ? AND click_id IS NOT NULL""")
			.param(event.email())
			.query((rs, n) -> new Click(rs.getLong(1), rs.getString(2)))
			.list();
		linked.stream()
			.map(Click::vendorId)
			.distinct()
			.forEach(vendor -> clicks.forgetVisitors(new VendorId(vendor),
					linked.stream().filter(c -> c.vendorId() == vendor).map(Click::clickId).toList()));
		jdbc.sql("""
				UPDATE orders SET customer_email = ?, customer_name = NULL, customer_ip = NULL
				WHERE lower(customer_email) = ?""")
			.params(event.pseudonym() + "@erased.invalid", event.email())
			.update();
	}

	record Click(long vendorId, String clickId) {
	}

}
