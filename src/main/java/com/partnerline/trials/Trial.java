package com.partnerline.trials;

import java.time.Instant;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/** A stored trial licence. */
record Trial(UUID id, VendorId vendorId, String sku, String email, String locale, @Nullable PartnerId partnerId,
		@Nullable String clickId, Instant startedAt, Instant expiresAt, Instant convertUntil, String licenseKey) {
}
