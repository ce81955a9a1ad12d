package com.partnerline.communication;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysUnitTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void countsWeekdaysOnlyAtTheSameTimeOfDay() {
		// Thursday 10:00 in Berlin: one business day is Friday 10:00, two are Monday 10:00
		Instant thursday = Instant.parse("2026-12-03T09:00:00Z");
		assertThat(BusinessDays.after(thursday, 1, BERLIN)).isEqualTo(Instant.parse("2026-12-04T09:00:00Z"));
		assertThat(BusinessDays.after(thursday, 2, BERLIN)).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
	}

	@Test
	void ticketsOpenedAtTheWeekendCountFromMondayMorning() {
		Instant saturdayNight = Instant.parse("2026-12-05T21:30:00Z");
		assertThat(BusinessDays.after(saturdayNight, 1, BERLIN)).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
	}

	@Test
	void usesTheVendorsTimeZoneForTheWeekend() {
		// Friday 23:30 UTC is already Saturday in Berlin
		Instant fridayLateUtc = Instant.parse("2026-12-04T23:30:00Z");
		assertThat(BusinessDays.after(fridayLateUtc, 1, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-12-07T23:30:00Z"));
		assertThat(BusinessDays.after(fridayLateUtc, 1, BERLIN)).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
	}

}
