package com.partnerline.reporting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.partnerline.catalog.Vendor;

/** Times as the API writes them: ISO-8601 with the vendor's offset. */
final class ApiTimes {

	private ApiTimes() {
	}

	static String of(Instant instant, Vendor vendor) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(vendor.timeZone()).toOffsetDateTime());
	}

}
