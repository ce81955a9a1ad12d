/**
 * Reporting: the monthly Partner Planning and Forecast Report and Partner Sales
 * Report (with their history), due dates and reminders, forecast versus actual for
 * the vendor, sales dashboards with charts, and CSV export. A SELF-processing
 * Internet Partner's sales report is the source of its orders (through the orders
 * module). Publishes {@link com.partnerline.reporting.ReportReminderDue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
		allowedDependencies = { "orders", "partners", "catalog", "commissions", "notifications", "kernel" })
@org.jspecify.annotations.NullMarked
package com.partnerline.reporting;
