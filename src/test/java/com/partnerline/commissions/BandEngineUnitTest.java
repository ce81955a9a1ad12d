package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Program;
import com.partnerline.commissions.BandEngine.Rating;
import com.partnerline.commissions.BandEngine.Settlement;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.PartnerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of docs/commission-policy.md that needs no database, with its defaults. */
class BandEngineUnitTest {

	static final Currency USD = Currency.getInstance("USD");

	static final Program DEFAULTS = new Program(new VendorId(1), true, CatalogManagement.DEFAULT_BANDS,
			new BigDecimal("0.25"), new BigDecimal("0.35"), 30, new BigDecimal("50.00"), 60, "1.0", "terms");

	static final BigDecimal MIN = new BigDecimal("50.00");

	@Test
	void workedExampleOfThePolicy() {
		// alice, affiliate of kaspersky, November 2026: 300.00 + 450.00 + 99.99
		BigDecimal volume = new BigDecimal("300.00").add(new BigDecimal("450.00")).add(new BigDecimal("99.99"));
		assertThat(volume).isEqualByComparingTo("849.99");
		Rating rating = BandEngine.rate(DEFAULTS, PartnerType.AFFILIATE, null, volume);
		assertThat(rating.band().name()).isEqualTo("A2");
		assertThat(rating.rate()).isEqualByComparingTo("0.20");
		BigDecimal commission = BandEngine.commission(volume, rating.rate(), USD);
		assertThat(commission.toPlainString()).isEqualTo("170.00"); // 169.998 rounded half-even
		Settlement november = BandEngine.settle(commission, zero(), zero(), MIN);
		assertThat(november.payable().toPlainString()).isEqualTo("170.00");
		assertThat(november.carriedForward().toPlainString()).isEqualTo("0.00");
		// 3 December: refund of 99.99 on a November order, at November's rate
		BigDecimal adjustment = BandEngine.adjustment(new BigDecimal("99.99"), rating.rate(), USD);
		assertThat(adjustment.toPlainString()).isEqualTo("-20.00"); // 19.998 → 20.00
	}

	@ParameterizedTest(name = "{0} → {1} at {2} for an affiliate")
	@CsvSource({ "0, A1, 0.15, false", "499.99, A1, 0.15, false", "500, A2, 0.20, false", "2999.999999, A2, 0.20, false",
			"3000, A3, 0.25, false", "6999.99, A3, 0.25, false", "7000, I1, 0.25, true", "14999.99, I1, 0.25, true",
			"15000, I2, 0.25, true", "250000, I2, 0.25, true", "-120.50, A1, 0.15, false" })
	void wholeVolumePicksTheBandAndAffiliatesAreCapped(String volume, String band, String rate, boolean eligible) {
		Rating rating = BandEngine.rate(DEFAULTS, PartnerType.AFFILIATE, null, new BigDecimal(volume));
		assertThat(rating.band().name()).isEqualTo(band);
		assertThat(rating.rate()).isEqualByComparingTo(rate);
		assertThat(rating.eligibleForInternet()).isEqualTo(eligible);
	}

	@Test
	void theRateAppliesToTheWholeVolumeNotGraduated() {
		BigDecimal volume = new BigDecimal("3000.00");
		Rating rating = BandEngine.rate(DEFAULTS, PartnerType.AFFILIATE, null, volume);
		// 3000 × 25% = 750.00, not 500×15% + 2500×20% + 0×25%
		assertThat(BandEngine.commission(volume, rating.rate(), USD).toPlainString()).isEqualTo("750.00");
	}

	@ParameterizedTest(name = "internet partner {0}, contract {1} → {2} {3}")
	@CsvSource({ "7000, , I1, 0.30", "15000, , I2, 0.35", "800, , A2, 0.20", "800, 0.32, A2, 0.32",
			"20000, 0.28, I2, 0.28", "1000, 0.40, A2, 0.40" })
	void internetPartnersGetTheirBandOrTheirContractRate(String volume, String contract, String band, String rate) {
		Rating rating = BandEngine.rate(DEFAULTS, PartnerType.INTERNET, contract == null ? null : new BigDecimal(contract),
				new BigDecimal(volume));
		assertThat(rating.band().name()).isEqualTo(band);
		assertThat(rating.rate()).isEqualByComparingTo(rate);
		assertThat(rating.eligibleForInternet()).isFalse();
	}

	@Test
	void anInternetPartnerWithoutContractRateIsHeldToTheInternetCap() {
		Program lowCap = new Program(new VendorId(1), true, CatalogManagement.DEFAULT_BANDS, new BigDecimal("0.25"),
				new BigDecimal("0.30"), 30, MIN, 60, "1.0", "terms");
		assertThat(BandEngine.rate(lowCap, PartnerType.INTERNET, null, new BigDecimal("20000")).rate())
			.isEqualByComparingTo("0.30");
	}

	@ParameterizedTest(name = "{0} × {1} = {2}")
	@CsvSource({ "500.025, 0.20, 100.00", "500.075, 0.20, 100.02", "500.125, 0.20, 100.02", "10.025, 0.20, 2.00",
			"10.035, 0.20, 2.01", "-500.025, 0.20, -100.00", "-500.075, 0.20, -100.02", "849.99, 0.20, 170.00",
			"33.333333, 0.15, 5.00", "0.033333, 0.15, 0.00" })
	void commissionIsRoundedOnceHalfEven(String volume, String rate, String expected) {
		assertThat(BandEngine.commission(new BigDecimal(volume), new BigDecimal(rate), USD).toPlainString())
			.isEqualTo(expected);
	}

	@Test
	void roundingOnceDiffersFromRoundingEachOrder() {
		// three orders of 0.10 at 15%: per order 0.015 → 0.02 each = 0.06; once: 0.045 → 0.04
		BigDecimal volume = new BigDecimal("0.30");
		assertThat(BandEngine.commission(volume, new BigDecimal("0.15"), USD).toPlainString()).isEqualTo("0.04");
	}

	@Test
	void adjustmentsAreNegativeAndRoundedHalfEven() {
		assertThat(BandEngine.adjustment(new BigDecimal("99.99"), new BigDecimal("0.2"), USD).toPlainString())
			.isEqualTo("-20.00");
		assertThat(BandEngine.adjustment(new BigDecimal("10.025"), new BigDecimal("0.2"), USD).toPlainString())
			.isEqualTo("-2.00");
		assertThat(BandEngine.adjustment(new BigDecimal("10.075"), new BigDecimal("0.2"), USD).toPlainString())
			.isEqualTo("-2.02");
	}

	@ParameterizedTest(name = "commission {0} + adjustments {1} + brought {2} → payable {3}, carried {4}")
	@CsvSource({ "170.00, 0.00, 0.00, 170.00, 0.00", "50.00, 0.00, 0.00, 50.00, 0.00", "49.99, 0.00, 0.00, 0.00, 49.99",
			"15.00, 0.00, 30.00, 0.00, 45.00", "7.50, 0.00, 45.00, 52.50, 0.00", "0.00, -20.00, 0.00, 0.00, -20.00",
			"60.00, -20.00, 0.00, 0.00, 40.00", "100.00, 0.00, -20.00, 80.00, 0.00", "0.00, 0.00, -20.00, 0.00, -20.00" })
	void minimumPayoutAndCarryForward(String commission, String adjustments, String brought, String payable,
			String carried) {
		Settlement settlement = BandEngine.settle(new BigDecimal(commission), new BigDecimal(adjustments),
				new BigDecimal(brought), MIN);
		assertThat(settlement.payable().toPlainString()).isEqualTo(payable);
		assertThat(settlement.carriedForward().toPlainString()).isEqualTo(carried);
	}

	@Test
	void aMonthEndsAtMidnightInTheVendorsTimeZone() {
		YearMonth november = YearMonth.of(2026, 11);
		ZoneId newYork = ZoneId.of("America/New_York");
		assertThat(CommissionManagement.hasEnded(november, newYork, Instant.parse("2026-12-01T04:59:59Z"))).isFalse();
		assertThat(CommissionManagement.hasEnded(november, newYork, Instant.parse("2026-12-01T05:00:00Z"))).isTrue();
		ZoneId auckland = ZoneId.of("Pacific/Auckland");
		assertThat(CommissionManagement.hasEnded(november, auckland, Instant.parse("2026-11-30T10:59:59Z"))).isFalse();
		assertThat(CommissionManagement.hasEnded(november, auckland, Instant.parse("2026-11-30T11:00:00Z"))).isTrue();
		assertThat(CommissionManagement.hasEnded(november, ZoneId.of("UTC"), Instant.parse("2026-11-30T23:59:59Z")))
			.isFalse();
	}

	@Test
	void apiFiguresAreDecimalStrings() {
		assertThat(Json.rate(new BigDecimal("0.2000"))).isEqualTo("0.2");
		assertThat(Json.rate(new BigDecimal("0.25"))).isEqualTo("0.25");
		assertThat(Json.rate(new BigDecimal("1.0000"))).isEqualTo("1");
		assertThat(Json.amount(new BigDecimal("-20.0000"), USD)).isEqualTo("-20.00");
		assertThat(Json.volume(new BigDecimal("849.990000"))).isEqualTo("849.99");
	}

	private static BigDecimal zero() {
		return new BigDecimal("0.00");
	}

}
