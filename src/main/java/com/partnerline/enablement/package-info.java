/**
 * Partner support (enablement): the marketing material library (banners and documents
 * uploaded and versioned by the vendor, text links, ready-to-paste code that carries
 * the partner's own tracking link, HTML5 banners served only sandboxed, impressions of
 * hosted banners counted in groups, impressions, clicks, orders and sales per item),
 * versioned policies that every partner of the program acknowledges, company content
 * pages in Markdown (rendered safely), and training seminars for Internet Partners
 * (capacity, waiting list, reminders the day before, an iCalendar entry).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partner support",
		allowedDependencies = { "partners", "catalog", "accounts", "notifications", "tracking", "orders", "kernel" })
@org.jspecify.annotations.NullMarked
package com.partnerline.enablement;
