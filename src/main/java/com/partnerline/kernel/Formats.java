package com.partnerline.kernel;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Locale;

/**
 * How people read money, numbers and dates in their language: {@code $1,234.56} in
 * English, {@code 1 234,56 $} in French. Only for display; what is stored and what
 * the API returns stays language-neutral.
 */
public final class Formats {

	private Formats() {
	}

	public static String money(Money money, Locale locale) {
		return money(money.amount(), money.currency(), locale);
	}

	public static String money(BigDecimal amount, Currency currency, Locale locale) {
		DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(currency);
		DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
		symbols.setCurrencySymbol(symbol(currency, locale));
		format.setDecimalFormatSymbols(symbols);
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(amount);
	}

	public static String number(BigDecimal value, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(Math.max(value.stripTrailingZeros().scale(), 0));
		return format.format(value);
	}

	public static String number(long value, Locale locale) {
		return NumberFormat.getIntegerInstance(locale).format(value);
	}

	/** A rate such as {@code 0.25} as {@code 25%} ({@code 25 %} in French and German). */
	public static String percent(BigDecimal rate, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(2);
		return format.format(rate);
	}

	public static String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
	}

	/**
	 * A point in time as people read it, always with its zone, the short name where the
	 * language has one and the offset otherwise (14:05 in Berlin on 3 December 2026 reads
	 * {@code Dec 3, 2026, 2:05 PM CET} in English, {@code 03.12.2026, 14:05 MEZ} in German).
	 * Every time shown on a page or in a mail goes through here; files take
	 * {@link #isoDateTime}.
	 */
	public static String dateTime(ZonedDateTime time, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(time) + " " + zone(time, locale);
	}

	/** The zone of a time in the language's short form, such as CET, MEZ, MSK or GMT+03:00. */
	public static String zone(ZonedDateTime time, Locale locale) {
		return DateTimeFormatter.ofPattern("zzz", locale).format(time);
	}

	/** A time for files (CSV, JSON): ISO 8601 with the offset of the zone, to the second. */
	public static String isoDateTime(Instant instant, ZoneId zone) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
	}

	/** A month such as "November 2026" or "ноябрь 2026". */
	public static String month(YearMonth month, Locale locale) {
		return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
	}

	public static String format(TemporalAccessor temporal, String pattern, Locale locale) {
		return DateTimeFormatter.ofPattern(pattern, locale).format(temporal);
	}

	// The narrow symbol people write ("$" rather than "$US"); Java only knows the local one.
	private static String symbol(Currency currency, Locale locale) {
		String local = currency.getSymbol(locale);
		String international = currency.getSymbol(Locale.US);
		return local.length() > 1 && international.length() == 1 ? international : local;
	}

}
