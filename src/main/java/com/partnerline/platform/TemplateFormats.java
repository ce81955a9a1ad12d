package com.partnerline.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.Caller;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.kernel.DateRange;
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

	private final CurrentCaller currentCaller;

	private final AccountManagement accounts;

	TemplateFormats(CurrentCaller currentCaller, AccountManagement accounts) {
		this.currentCaller = currentCaller;
		this.accounts = accounts;
	}

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

	/** In the signed-in person's own time zone when it chose one (account settings), else in {@code zone}. */
	public String dateTime(Instant instant, String zone) {
		ZoneId shown = currentCaller.get()
			.map(Caller::accountId)
			.flatMap(accounts::timeZone)
			.orElseGet(() -> ZoneId.of(zone));
		return Formats.dateTime(instant.atZone(shown), LocaleContextHolder.getLocale());
	}

	public String month(YearMonth month) {
		return Formats.month(month, LocaleContextHolder.getLocale());
	}

	/** The presets of the date-range picker ({@code fragments/range.html}), in the order shown. */
	public java.util.List<String> rangePresets() {
		return DateRange.PRESETS;
	}

	public String language() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

}
