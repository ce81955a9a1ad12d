package com.partnerline.commissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** How the API writes commission figures: decimal strings, language-neutral. */
final class Json {

	private Json() {
	}

	/** An amount with the currency's minor unit: {@code "170.00"}, {@code "-20.00"}. */
	static String amount(BigDecimal amount, Currency currency) {
		return BandEngine.round(amount, currency).toPlainString();
	}

	/** A volume shown to cents ({@code "849.99"}); the statement keeps it unrounded. */
	static String volume(BigDecimal volume) {
		return volume.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
	}

	/** A rate as a fraction without trailing zeros: {@code "0.2"}, {@code "0.25"}. */
	static String rate(BigDecimal rate) {
		BigDecimal plain = rate.stripTrailingZeros();
		return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
	}

}
