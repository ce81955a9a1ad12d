package com.partnerline.orders;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.TrackRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A partner's sales so far in a program, beside its Internet Partner proposal: the
 * net volume of its commissionable orders (refunds deducted) and how many there are.
 */
@Component
class OrdersTrackRecord implements TrackRecord {

	private final JdbcClient jdbc;

	private final CatalogManagement catalog;

	OrdersTrackRecord(JdbcClient jdbc, CatalogManagement catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Override
	public @Nullable Sales salesSoFar(VendorId vendorId, PartnerId partnerId) {
		var vendor = catalog.findVendor(vendorId).orElse(null);
		if (vendor == null) {
			return null;
		}
		Sales sales = jdbc.sql("""
				SELECT coalesce(sum(o.amount), 0) - coalesce(sum(r.refunded), 0) AS volume, count(*) AS orders
				FROM orders o
				LEFT JOIN (SELECT order_id, sum(amount_converted) AS refunded FROM refunds
				           WHERE vendor_id = :vendor GROUP BY order_id) r ON r.order_id = o.order_id
				WHERE o.vendor_id = :vendor AND o.partner_id = :partner AND NOT o.self_referral""")
			.param("vendor", vendorId.value())
			.param("partner", partnerId.value())
			.query((rs, row) -> new Sales(new Money(rs.getBigDecimal("volume"), vendor.currency()), rs.getLong("orders")))
			.single();
		return sales.orders() == 0 ? null : sales;
	}

}
