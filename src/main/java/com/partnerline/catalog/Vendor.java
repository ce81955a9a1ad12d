package com.partnerline.catalog;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import com.partnerline.kernel.VendorId;

/**
 * A software vendor running a partner program: the tenant every record belongs to.
 *
 * @param slug the public key used in URLs, such as {@code kaspersky}
 * @param timeZone where its months begin and end
 * @param currency the program currency that volumes and commissions are in
 * @param allowedDomains hosts that tracking links may point to (exact match)
 */
public record Vendor(VendorId id, String slug, String name, ZoneId timeZone, Currency currency,
		List<String> allowedDomains) {

	public boolean allowsHost(String host) {
		return host != null && allowedDomains.stream().anyMatch(domain -> domain.equalsIgnoreCase(host));
	}

}
