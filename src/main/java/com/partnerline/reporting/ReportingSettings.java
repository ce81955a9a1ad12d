package com.partnerline.reporting;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reporting settings ({@code partnerline.reporting.*}).
 *
 * @param salesDueDay the day of the following month by which a month's sales report is due (default 10)
 * @param reminderDaysAhead how many days before a due date the partner is reminded (default 3)
 * @param maxLines the most lines one sales report may have (default 5000)
 */
@ConfigurationProperties("partnerline.reporting")
record ReportingSettings(@Nullable Integer salesDueDay, @Nullable Integer reminderDaysAhead,
		@Nullable Integer maxLines) {

	int salesDueDayOrDefault() {
		return salesDueDay == null ? 10 : Math.max(1, Math.min(28, salesDueDay));
	}

	int reminderDaysAheadOrDefault() {
		return reminderDaysAhead == null ? 3 : reminderDaysAhead;
	}

	int maxLinesOrDefault() {
		return maxLines == null ? 5000 : maxLines;
	}

}
