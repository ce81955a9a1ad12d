package com.partnerline.tracking;

import java.time.Instant;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/** A partner's tracking link: {@code /r/{code}} redirects to {@code targetUrl}. */
public record Link(String code, VendorId vendorId, PartnerId partnerId, @Nullable String sku, String targetUrl,
		@Nullable String subId, Instant createdAt) {
}
