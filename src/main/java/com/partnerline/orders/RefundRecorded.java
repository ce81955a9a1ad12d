package com.partnerline.orders;

import java.time.YearMonth;

import com.partnerline.kernel.VendorId;

/** Published when a refund was stored; {@code refundPeriod} is the month it is booked in. */
public record RefundRecorded(VendorId vendorId, String refundId, String orderId, YearMonth refundPeriod,
		com.partnerline.kernel.@org.jspecify.annotations.Nullable PartnerId partnerId, com.partnerline.kernel.Money amount) {
}
