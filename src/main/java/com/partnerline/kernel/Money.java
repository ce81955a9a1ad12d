package com.partnerline.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Amounts keep their full precision until
 * {@link #rounded()} is called, which happens exactly once, where the commission
 * policy says so (half-even, to the currency's minor unit).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(amount, "amount must not be null");
		Objects.requireNonNull(currency, "currency must not be null");
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currency));
	}

	public static Money of(BigDecimal amount, String currency) {
		return new Money(amount, Currency.getInstance(currency));
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(amount.multiply(factor), currency);
	}

	public Money negate() {
		return new Money(amount.negate(), currency);
	}

	/** Rounds half-even to the currency's minor unit; call once, at the end of a computation. */
	public Money rounded() {
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		return new Money(amount.setScale(digits, RoundingMode.HALF_EVEN), currency);
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	public boolean isAtLeast(Money other) {
		return compareTo(other) >= 0;
	}

	/**
	 * The amount as the API writes it: a plain decimal string with at least the
	 * currency's minor digits and no trailing zeros beyond them ({@code "849.99"},
	 * {@code "100.00"}, {@code "0.125"}). Never rounds.
	 */
	public String toDecimalString() {
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < digits ? stripped.setScale(digits) : stripped).toPlainString();
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Currency mismatch: " + currency + " and " + other.currency);
		}
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(amount.stripTrailingZeros(), currency);
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}

}
