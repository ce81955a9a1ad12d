package com.partnerline.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import com.partnerline.kernel.Money;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * A product a vendor sells through its partners, with its list price and trial length.
 *
 * @param trialDays how many days a trial lasts; {@literal null} for one calendar month (the default), 0 for no trial
 */
public record Product(VendorId vendorId, String sku, String name, Money price, @Nullable Integer trialDays) {

	/** Whether a trial of the product can be started. */
	public boolean offersTrial() {
		return trialDays == null || trialDays > 0;
	}

	/** When a trial started at {@code start} ends: after its days, or one calendar month later in {@code zone}. */
	public Instant trialEnd(Instant start, ZoneId zone) {
		return trialDays == null ? start.atZone(zone).plusMonths(1).toInstant() : start.plus(Duration.ofDays(trialDays));
	}

}
