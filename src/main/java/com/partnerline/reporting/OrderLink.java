package com.partnerline.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.orders.MonthlyOrders;
import com.partnerline.orders.OrderManagement;
import com.partnerline.orders.PartnerVolume;
import com.partnerline.orders.ReportedSale;
import com.partnerline.reporting.Reports.ProductSales;
import com.partnerline.reporting.Reports.SalesLine;

import org.springframework.stereotype.Component;

/**
 * The reporting module's way to the orders module: a SELF-processing partner's
 * reported sales become its orders, and actual sales (for forecast versus actual and
 * the dashboards) are read from orders, whichever way they came in.
 */
@Component
class OrderLink {

	private final OrderManagement orders;

	OrderLink(OrderManagement orders) {
		this.orders = orders;
	}

	/** Inside the caller's transaction: the partner's reported orders of the month become exactly these. */
	void replaceReportedOrders(Vendor vendor, PartnerId partnerId, YearMonth month, long reportId,
			List<SalesLine> lines, Instant occurredAt) {
		orders.replaceReportedOrders(vendor, partnerId, month, reportId,
				lines.stream()
					.map(l -> new ReportedSale(l.sku(), l.quantity(), l.amount(), l.clientName(), l.clientEmail(),
							l.clientCountry()))
					.toList(),
				occurredAt);
	}

	/** Each partner's volume in the month, in the program currency, unrounded. */
	Map<PartnerId, BigDecimal> volumes(VendorId vendorId, YearMonth month) {
		Map<PartnerId, BigDecimal> volumes = new HashMap<>();
		for (PartnerVolume volume : orders.monthlyVolumes(vendorId, month)) {
			volumes.merge(volume.partnerId(), volume.volume(), BigDecimal::add);
		}
		return volumes;
	}

	/** A partner's volume per month, {@code from} to {@code to}, months without sales as zero. */
	Map<YearMonth, BigDecimal> partnerVolumes(VendorId vendorId, PartnerId partnerId, YearMonth from, YearMonth to) {
		Map<YearMonth, BigDecimal> volumes = new TreeMap<>();
		for (MonthlyOrders month : orders.partnerMonths(vendorId, partnerId, from, to)) {
			volumes.put(month.month(), month.volume());
		}
		return volumes;
	}

	/** Sold quantity and amount per partner, month and product. */
	List<ProductSales> productSales(VendorId vendorId, YearMonth from, YearMonth to) {
		return orders.productSales(vendorId, from, to)
			.stream()
			.map(s -> new ProductSales(s.partnerId(), s.month(), s.sku(), s.quantity(), s.amount()))
			.toList();
	}

}
