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
import com.partnerline.reporting.Reports.ProductSales;
import com.partnerline.reporting.Reports.SalesLine;

import org.springframework.stereotype.Component;

/**
 * The reporting module's way to the orders module: reported sales become orders,
 * and actual sales are read from orders. (Until the orders module is merged, actuals
 * come from the current sales reports.)
 */
@Component
class OrderLink {

	private final ReportStore store;

	OrderLink(ReportStore store) {
		this.store = store;
	}

	/** Inside the caller's transaction: the partner's reported orders of the month become exactly these. */
	void replaceReportedOrders(Vendor vendor, PartnerId partnerId, YearMonth month, long reportId,
			List<SalesLine> lines, Instant occurredAt) {
	}

	/** Each partner's volume in the month, in the program currency, unrounded. */
	Map<PartnerId, BigDecimal> volumes(VendorId vendorId, YearMonth month) {
		Map<PartnerId, BigDecimal> volumes = new HashMap<>();
		for (ProductSales sales : store.reportedProductSales(vendorId, month, month)) {
			volumes.merge(sales.partnerId(), sales.amount(), BigDecimal::add);
		}
		return volumes;
	}

	/** A partner's volume per month, {@code from} to {@code to}, months without sales as zero. */
	Map<YearMonth, BigDecimal> partnerVolumes(VendorId vendorId, PartnerId partnerId, YearMonth from, YearMonth to) {
		Map<YearMonth, BigDecimal> volumes = new TreeMap<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			volumes.put(m, BigDecimal.ZERO);
		}
		for (ProductSales sales : store.reportedProductSales(vendorId, from, to)) {
			if (sales.partnerId().equals(partnerId)) {
				volumes.merge(sales.month(), sales.amount(), BigDecimal::add);
			}
		}
		return volumes;
	}

	/** Sold quantity and amount per partner, month and product. */
	List<ProductSales> productSales(VendorId vendorId, YearMonth from, YearMonth to) {
		return store.reportedProductSales(vendorId, from, to);
	}

}
