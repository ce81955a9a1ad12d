package com.partnerline.kernel;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyUnitTest {

	@Test
	void roundsHalfEvenToTheMinorUnitOnlyWhenAsked() {
		Money commission = Money.of("849.99", "USD").times(new BigDecimal("0.20"));
		assertThat(commission.amount()).isEqualByComparingTo("169.998");
		assertThat(commission.rounded().toDecimalString()).isEqualTo("170.00");
		assertThat(Money.of("0.125", "USD").rounded().toDecimalString()).isEqualTo("0.12");
		assertThat(Money.of("0.135", "USD").rounded().toDecimalString()).isEqualTo("0.14");
		assertThat(Money.of("-19.998", "USD").rounded().toDecimalString()).isEqualTo("-20.00");
		assertThat(Money.of("1234.5", "JPY").rounded().toDecimalString()).isEqualTo("1234");
	}

	@Test
	void writesDecimalStringsWithTheMinorDigitsAndWithoutRounding() {
		assertThat(Money.of("100.0000", "USD").toDecimalString()).isEqualTo("100.00");
		assertThat(Money.of("1E+3", "USD").toDecimalString()).isEqualTo("1000.00");
		assertThat(Money.of("169.9980", "USD").toDecimalString()).isEqualTo("169.998");
		assertThat(Money.of("-20", "USD").toDecimalString()).isEqualTo("-20.00");
	}

	@Test
	void comparesByValueNotScale() {
		assertThat(Money.of("50", "USD")).isEqualTo(Money.of("50.00", "USD"));
		assertThat(Money.of("50.00", "USD").isAtLeast(Money.of("49.999", "USD"))).isTrue();
	}

	@Test
	void refusesToMixCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
	}

}
