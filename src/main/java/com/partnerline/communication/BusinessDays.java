package com.partnerline.communication;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Response-time targets count business days (Monday to Friday) in the vendor's time
 * zone. A ticket opened on a weekend starts counting on Monday morning; one opened on
 * a weekday is due the same time of day {@code days} business days later.
 */
final class BusinessDays {

	private BusinessDays() {
	}

	static Instant after(Instant start, int days, ZoneId zone) {
		ZonedDateTime time = start.atZone(zone);
		if (isWeekend(time)) {
			while (isWeekend(time)) {
				time = time.plusDays(1);
			}
			time = time.toLocalDate().atStartOfDay(zone);
		}
		int left = days;
		while (left > 0) {
			time = time.plusDays(1);
			if (!isWeekend(time)) {
				left--;
			}
		}
		return time.toInstant();
	}

	private static boolean isWeekend(ZonedDateTime time) {
		DayOfWeek day = time.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

}
