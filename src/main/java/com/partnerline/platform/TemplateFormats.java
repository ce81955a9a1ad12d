package com.partnerline.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;

import com.partnerline.kernel.Formats;
import com.partnerline.kernel.Money;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@link Formats} for templates, in the language of the current request:
 * {@code ${@formats.money(amount, 'USD')}}.
 */
@Component("formats")
class TemplateFormats {

	public String money(Money money) {
		return Formats.money(money, LocaleContextHolder.getLocale());
	}

	public String money(BigDecimal amount, String currency) {
		return Formats.money(amount, Currency.getInstance(currency), LocaleContextHolder.getLocale());
	}

	public String number(BigDecimal value) {
		return Formats.number(value, LocaleContextHolder.getLocale());
	}

	public String count(long value) {
		return Formats.number(value, LocaleContextHolder.getLocale());
	}

	public String percent(BigDecimal rate) {
		return Formats.percent(rate, LocaleContextHolder.getLocale());
	}

	public String date(LocalDate date) {
		return Formats.date(date, LocaleContextHolder.getLocale());
	}

	public String dateTime(Instant instant, String zone) {
		return Formats.dateTime(instant.atZone(ZoneId.of(zone)), LocaleContextHolder.getLocale());
	}

	public String month(YearMonth month) {
		return Formats.month(month, LocaleContextHolder.getLocale());
	}

	public String language() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

}
