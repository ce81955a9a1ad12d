package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/** What the close reads from the orders module: the month's volumes and its late refunds. */
interface MonthlySales {

	/** Per partner with activity: the month's volume, unrounded, in the program currency. */
	List<Volume> volumes(VendorId vendorId, YearMonth month);

	/** One partner's volume in a month, as {@link #volumes} computes it (zero without orders). */
	BigDecimal partnerVolume(VendorId vendorId, PartnerId partnerId, YearMonth month);

	/** Refunds booked in {@code month} on orders of earlier months. */
	List<Refund> lateRefunds(VendorId vendorId, YearMonth month);

	/** The partner's orders of the month (self-referrals included, flagged), oldest first. */
	List<OrderLine> orders(VendorId vendorId, PartnerId partnerId, YearMonth month);

	/** @param amount in the program currency, unrounded */
	record OrderLine(String orderId, java.time.Instant occurredAt, BigDecimal amount, boolean selfReferral) {
	}

	record Volume(PartnerId partnerId, BigDecimal volume) {
	}

	/** @param amount positive, in the program currency, unrounded */
	record Refund(PartnerId partnerId, String refundId, String orderId, YearMonth orderMonth, BigDecimal amount) {
	}

}
