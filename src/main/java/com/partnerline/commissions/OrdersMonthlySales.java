package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.orders.MonthlyOrders;
import com.partnerline.orders.OrderManagement;
import com.partnerline.orders.OrderPage;
import com.partnerline.orders.OrderQuery;
import com.partnerline.orders.OrderRow;

import org.springframework.stereotype.Component;

/** The month's sales as the orders module answers them, through its public API only. */
@Component
class OrdersMonthlySales implements MonthlySales {

	private static final int PAGE = 10_000;

	private final OrderManagement orders;

	private final CatalogManagement catalog;

	OrdersMonthlySales(OrderManagement orders, CatalogManagement catalog) {
		this.orders = orders;
		this.catalog = catalog;
	}

	@Override
	public List<Volume> volumes(VendorId vendorId, YearMonth month) {
		return orders.monthlyVolumes(vendorId, month)
			.stream()
			.map(v -> new Volume(v.partnerId(), v.volume()))
			.toList();
	}

	@Override
	public BigDecimal partnerVolume(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return orders.partnerMonths(vendorId, partnerId, month, month)
			.stream()
			.map(MonthlyOrders::volume)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Override
	public List<Refund> lateRefunds(VendorId vendorId, YearMonth month) {
		return orders.lateRefunds(vendorId, month)
			.stream()
			.map(r -> new Refund(r.partnerId(), r.refundId(), r.orderId(), r.orderPeriod(), r.amount()))
			.toList();
	}

	@Override
	public List<OrderLine> orders(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		Vendor vendor = catalog.findVendor(vendorId)
			.orElseThrow(() -> ApiProblem.notFound("catalog.vendorNotFound", vendorId));
		List<OrderLine> lines = new ArrayList<>();
		for (int page = 0;; page++) {
			OrderPage found = orders.orders(vendor, new OrderQuery(month.atDay(1), month.atEndOfMonth(), partnerId,
					null, null, "occurredAt", false, page, PAGE));
			for (OrderRow row : found.rows()) {
				if (month.equals(row.period())) {
					lines.add(new OrderLine(row.orderId(), row.occurredAt(), row.amount().amount(), row.selfReferral()));
				}
			}
			if (page + 1 >= found.pages()) {
				return lines;
			}
		}
	}

}
