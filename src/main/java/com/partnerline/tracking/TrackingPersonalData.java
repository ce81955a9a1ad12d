package com.partnerline.tracking;

import java.util.Collection;
import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;
import com.partnerline.kernel.VendorId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner's links, coupons and click summaries for its data export; and the erasure of
 * what a click keeps of a visitor (the keyed address hash, browser and referrer) once an
 * erased customer's order links to it.
 */
@Component
public class TrackingPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	TrackingPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "tracking-links", """
						SELECT l.code, v.slug AS vendor, l.sku, l.target_url, l.sub_id, l.created_at
						FROM links l JOIN vendors v ON v.id = l.vendor_id
						WHERE l.partner_id = ? ORDER BY l.created_at, l.code""", partner.value()),
				Table.query(jdbc, "tracking-coupons", """
						SELECT c.code, v.slug AS vendor FROM coupons c JOIN vendors v ON v.id = c.vendor_id
						WHERE c.partner_id = ? ORDER BY c.code""", partner.value()),
				Table.query(jdbc, "tracking-clicks-per-month", """
						SELECT v.slug AS vendor, to_char(date_trunc('month', c.bucket AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
						  NULLIF(c.sub_id, '') AS sub_id, sum(c.clicks) AS clicks, sum(c.counted) AS counted
						FROM click_counts c JOIN vendors v ON v.id = c.vendor_id
						WHERE c.partner_id = ? GROUP BY 1, 2, 3 ORDER BY 2, 1, 3""", partner.value()));
	}

	/**
	 * Forgets the visitor on these clicks of a vendor (erasure of a customer whose orders
	 * carry them): the address hash becomes {@code erased}, browser and referrer are removed.
	 * Counts stay.
	 */
	public void forgetVisitors(VendorId vendor, Collection<String> clickIds) {
		if (clickIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE clicks SET address_hash = 'erased', user_agent = NULL, referrer = NULL
				WHERE vendor_id = ? AND click_id = ANY (?)""")
			.params(vendor.value(), clickIds.toArray(String[]::new))
			.update();
	}

}
