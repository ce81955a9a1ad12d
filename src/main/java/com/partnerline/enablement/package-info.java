/**
 * Partner support (enablement): the marketing material library (banners and documents
 * uploaded and versioned by the vendor, text links, ready-to-paste code that carries
 * the partner's own tracking link, impressions of hosted banners counted in groups),
 * versioned policies that every partner of the program acknowledges, company content
 * pages in Markdown (rendered safely), and training seminars for Internet Partners
 * (capacity, waiting list, reminders the day before, an iCalendar entry).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partner support",
		allowedDependencies = { "partners", "catalog", "accounts", "notifications", "tracking", "kernel" })
@org.jspecify.annotations.NullMarked
package com.partnerline.enablement;
