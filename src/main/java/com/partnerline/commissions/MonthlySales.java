package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * What the close reads from the orders module: the month's volumes as far as orders had
 * arrived, the late refunds and late orders, and a statement's lines.
 */
interface MonthlySales {

	/**
	 * The instant a close counts arrivals up to: every order, refund and release of the vendor
	 * stamped before it has committed once this returns, and every later one is stamped after it.
	 */
	Instant cutOff(VendorId vendorId);

	/** Per partner with activity: the month's volume of what had arrived by {@code receivedBy}, unrounded. */
	List<Volume> volumes(VendorId vendorId, YearMonth month, Instant receivedBy);

	/** One partner's volume in a month so far (zero without orders). */
	BigDecimal partnerVolume(VendorId vendorId, PartnerId partnerId, YearMonth month);

	/**
	 * Refunds that {@code month}'s close settles as adjustments: booked in it on orders of
	 * earlier months, or booked in a month of {@code receivedAfter} after the instant given.
	 */
	List<Refund> lateRefunds(VendorId vendorId, YearMonth month, Instant receivedBy,
			Map<YearMonth, Instant> receivedAfter);

	/** Orders of the months of {@code receivedAfter} that arrived after the instant given for their month. */
	List<LateOrder> lateOrders(VendorId vendorId, Map<YearMonth, Instant> receivedAfter, Instant receivedBy);

	/** The partner's orders of the month (self-referrals flagged) and refunds booked in it on them, by time. */
	List<Booked> booked(VendorId vendorId, PartnerId partnerId, YearMonth month, Instant receivedBy);

	/** @param amount in the program currency, unrounded; negative for a refund */
	record Booked(String orderId, @Nullable String refundId, Instant occurredAt, BigDecimal amount,
			boolean selfReferral) {
	}

	record Volume(PartnerId partnerId, BigDecimal volume) {
	}

	/** @param orderAmount the order's amount, unrounded; @param amount the refund, positive, unrounded */
	record Refund(PartnerId partnerId, String refundId, String orderId, YearMonth orderMonth,
			Instant orderReceivedAt, BigDecimal orderAmount, YearMonth month, Instant receivedAt, BigDecimal amount) {
	}

	/** @param amount in the program currency, unrounded */
	record LateOrder(PartnerId partnerId, String orderId, YearMonth orderMonth, Instant receivedAt,
			BigDecimal amount) {
	}

}
