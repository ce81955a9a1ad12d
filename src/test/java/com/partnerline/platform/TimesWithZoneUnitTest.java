package com.partnerline.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.partnerline.kernel.Formats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every time shown says its zone: {@link Formats#dateTime} in each language and zone
 * passes the page scan's check ({@link PageScanBrowserTest#timesWithoutZone}), and the
 * check catches a time without one.
 */
class TimesWithZoneUnitTest {

	private static final Instant AT = Instant.parse("2026-12-03T13:05:00Z");

	@Test
	void everyFormattedTimeSaysItsZone() {
		for (String language : List.of("en", "ru", "fr", "de")) {
			Locale locale = Locale.forLanguageTag(language);
			for (String zone : List.of("Europe/Berlin", "Europe/Moscow", "UTC", "America/New_York",
					"Asia/Yekaterinburg", "Etc/GMT-3", "Europe/Paris")) {
				String shown = Formats.dateTime(AT.atZone(ZoneId.of(zone)), locale);
				assertThat(PageScanBrowserTest.timesWithoutZone("Placed " + shown + " by the partner"))
					.as(shown)
					.isEmpty();
			}
		}
		assertThat(Formats.dateTime(AT.atZone(ZoneId.of("Europe/Berlin")), Locale.ENGLISH))
			.matches("Dec 3, 2026, 2:05\\hPM CET");
		assertThat(Formats.dateTime(AT.atZone(ZoneId.of("Europe/Berlin")), Locale.GERMAN))
			.isEqualTo("03.12.2026, 14:05 MEZ");
		assertThat(Formats.dateTime(AT.atZone(ZoneId.of("Europe/Moscow")), Locale.forLanguageTag("ru")))
			.isEqualTo("3 дек. 2026 г., 16:05 MSK");
		assertThat(Formats.isoDateTime(AT, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-12-03T14:05:00+01:00");
	}

	@Test
	void theCheckFindsATimeWithoutItsZone() {
		assertThat(PageScanBrowserTest.timesWithoutZone("Placed 03.12.2026, 14:05 by the partner")).hasSize(1);
		assertThat(PageScanBrowserTest.timesWithoutZone("Dec 3, 2026, 2:05\u202fPM")).hasSize(1);
		assertThat(PageScanBrowserTest.timesWithoutZone("at 16:05 (Europe/Moscow)")).hasSize(1);
		assertThat(PageScanBrowserTest.timesWithoutZone("3 déc. 2026 16:05 UTC+03:00 · 2026-12-03T14:05:00+01:00"))
			.isEmpty();
		assertThat(PageScanBrowserTest.timesWithoutZone("no time here, 3 to 5 partners, 1.5:1")).isEmpty();
		// table cells read from a detached copy of the page follow each other without a space
		assertThat(PageScanBrowserTest.timesWithoutZone("03.12.2026, 05:39 MSKbrowser@example.org")).isEmpty();
		assertThat(PageScanBrowserTest.timesWithoutZone("03.12.2026, 05:39browser@example.org")).hasSize(1);
	}

}
