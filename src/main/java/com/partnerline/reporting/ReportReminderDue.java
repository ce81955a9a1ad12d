package com.partnerline.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/**
 * A partner must be reminded of a required report. Published once per (vendor,
 * partner, month, report type, kind), however often the reminder job runs and on
 * however many nodes. The texts of the mail are in {@code messages/reporting*}:
 * {@code reporting.mail.<reportType>.<kind>.subject} and {@code .body} with the
 * arguments {0} partner name, {1} vendor name, {2} month, {3} due date.
 *
 * @param month the month the report is about
 * @param dueOn the last day the report is on time
 */
public record ReportReminderDue(VendorId vendorId, PartnerId partnerId, YearMonth month, ReportType reportType,
		ReminderKind kind, LocalDate dueOn) {
}
