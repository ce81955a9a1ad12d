package com.partnerline.kernel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsUnitTest {

	private static final Money AMOUNT = Money.of("1234.56", "USD");

	@Test
	void formatsMoneyTheWayEachLanguageWritesIt() {
		assertThat(Formats.money(AMOUNT, Locale.ENGLISH)).isEqualTo("$1,234.56");
		assertThat(normalized(Formats.money(AMOUNT, Locale.FRENCH))).isEqualTo("1 234,56 $");
		assertThat(normalized(Formats.money(AMOUNT, Locale.GERMAN))).isEqualTo("1.234,56 $");
		assertThat(normalized(Formats.money(AMOUNT, Locale.forLanguageTag("ru")))).isEqualTo("1 234,56 $");
		assertThat(normalized(Formats.money(Money.of("1234.5", "EUR"), Locale.GERMAN))).isEqualTo("1.234,50 €");
	}

	@Test
	void formatsNumbersPercentagesAndDates() {
		assertThat(normalized(Formats.number(new BigDecimal("7000.5"), Locale.GERMAN))).isEqualTo("7.000,5");
		assertThat(normalized(Formats.percent(new BigDecimal("0.25"), Locale.FRENCH))).isEqualTo("25 %");
		assertThat(Formats.percent(new BigDecimal("0.25"), Locale.ENGLISH)).isEqualTo("25%");
		assertThat(Formats.date(LocalDate.of(2026, 11, 27), Locale.GERMAN)).isEqualTo("27.11.2026");
		assertThat(Formats.month(YearMonth.of(2026, 11), Locale.forLanguageTag("ru"))).isEqualTo("ноябрь 2026");
		assertThat(Formats.month(YearMonth.of(2026, 11), Locale.ENGLISH)).isEqualTo("November 2026");
	}

	// Java writes the narrow no-break space of CLDR; people (and these tests) read a space.
	private static String normalized(String text) {
		return text.replace('\u202f', ' ').replace('\u00a0', ' ');
	}

}
