package com.partnerline.orders;

import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/** Published when an order notification was stored (not on an idempotent retry); {@code amount} in the program currency, unrounded. */
public record OrderRecorded(VendorId vendorId, String orderId, @Nullable PartnerId partnerId, YearMonth period,
		com.partnerline.kernel.Money amount) {
}
