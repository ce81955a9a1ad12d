package com.partnerline.invoicing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** VAT id formats of all 27 member states, the prefix of the address country, the treatment and the rounding. */
class VatUnitTest {

	/** One valid VAT id per member state (format only), keyed by ISO country. */
	static final Map<String, String> VALID = Map.ofEntries(Map.entry("AT", "ATU12345678"),
			Map.entry("BE", "BE0123456789"), Map.entry("BG", "BG123456789"), Map.entry("HR", "HR12345678901"),
			Map.entry("CY", "CY12345678L"), Map.entry("CZ", "CZ12345678"), Map.entry("DK", "DK12345678"),
			Map.entry("EE", "EE123456789"), Map.entry("FI", "FI12345678"), Map.entry("FR", "FRXX123456789"),
			Map.entry("DE", "DE123456789"), Map.entry("GR", "EL123456789"), Map.entry("HU", "HU12345678"),
			Map.entry("IE", "IE1234567WA"), Map.entry("IT", "IT12345678901"), Map.entry("LV", "LV12345678901"),
			Map.entry("LT", "LT123456789012"), Map.entry("LU", "LU12345678"), Map.entry("MT", "MT12345678"),
			Map.entry("NL", "NL123456789B01"), Map.entry("PL", "PL1234567890"), Map.entry("PT", "PT123456789"),
			Map.entry("RO", "RO1234567890"), Map.entry("SK", "SK1234567890"), Map.entry("SI", "SI12345678"),
			Map.entry("ES", "ESX1234567X"), Map.entry("SE", "SE123456789001"));

	/** One invalid VAT id per member state: right prefix, wrong number. */
	static final Map<String, String> INVALID = Map.ofEntries(Map.entry("AT", "AT12345678"),
			Map.entry("BE", "BE2123456789"), Map.entry("BG", "BG12345678"), Map.entry("HR", "HR1234567890"),
			Map.entry("CY", "CY123456789"), Map.entry("CZ", "CZ1234567"), Map.entry("DK", "DK1234567"),
			Map.entry("EE", "EE12345678"), Map.entry("FI", "FI123456789"), Map.entry("FR", "FRIO123456789"),
			Map.entry("DE", "DE12345678"), Map.entry("GR", "EL12345678"), Map.entry("HU", "HU123456789"),
			Map.entry("IE", "IE123456"), Map.entry("IT", "IT1234567890"), Map.entry("LV", "LV1234567890"),
			Map.entry("LT", "LT1234567890"), Map.entry("LU", "LU1234567"), Map.entry("MT", "MT1234567"),
			Map.entry("NL", "NL123456789A01"), Map.entry("PL", "PL123456789"), Map.entry("PT", "PT12345678"),
			Map.entry("RO", "RO0123"), Map.entry("SK", "SK123456789"), Map.entry("SI", "SI1234567"),
			Map.entry("ES", "ES123456"), Map.entry("SE", "SE123456789012"));

	@Test
	void acceptsTheFormatOfEveryMemberState() {
		assertThat(Vat.EU).hasSize(27);
		assertThat(VALID.keySet()).isEqualTo(Vat.EU);
		VALID.forEach((country, vatId) -> assertThat(Vat.problem(country, vatId)).as(country + " " + vatId).isNull());
	}

	@Test
	void refusesAWrongNumberInEveryMemberState() {
		assertThat(INVALID.keySet()).isEqualTo(Vat.EU);
		INVALID.forEach((country, vatId) -> assertThat(Vat.problem(country, vatId)).as(country + " " + vatId)
			.isEqualTo("invoicing.error.vatFormat"));
	}

	@Test
	void wantsThePrefixOfTheAddressCountryAndElForGreece() {
		assertThat(Vat.problem("GR", "GR123456789")).isEqualTo("invoicing.error.vatCountry");
		assertThat(Vat.problem("DE", "FR12345678901")).isEqualTo("invoicing.error.vatCountry");
		assertThat(Vat.problem("AT", "DE123456789")).isEqualTo("invoicing.error.vatCountry");
		assertThat(Vat.prefix("GR")).isEqualTo("EL");
		assertThat(Vat.prefix("US")).isNull();
	}

	@Test
	void normalisesWhatPeopleType() {
		LegalDetails details = LegalDetails.validated("  Muster GmbH ", "Weg 1\r\n10115 Berlin", "de", "de 123.456-789");
		assertThat(details).isEqualTo(new LegalDetails("Muster GmbH", "Weg 1\n10115 Berlin", "DE", "DE123456789"));
		assertThat(details.addressLines()).containsExactly("Weg 1", "10115 Berlin");
		assertThat(LegalDetails.validated("Acme Inc", "1 Main St", "US", "").vatId()).isNull();
	}

	@Test
	void namesEveryBadField() {
		assertThatThrownBy(() -> LegalDetails.validated("", "", "XX", "DE1"))
			.isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.errors())
				.extracting(FieldProblem::field)
				.containsExactly("legalName", "address", "country"));
		assertThatThrownBy(() -> LegalDetails.validated("Muster GmbH", "Weg 1", "DE", null))
			.isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.errors())
				.containsExactly(new FieldProblem("vatId", "invoicing.error.vatRequired")));
		assertThatThrownBy(() -> LegalDetails.validated("Muster GmbH", "Weg 1", "DE", "DE12345"))
			.isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.errors())
				.containsExactly(new FieldProblem("vatId", "invoicing.error.vatFormat")));
	}

	@Test
	void decidesTheTreatmentByTheTwoCountries() {
		assertThat(Vat.treatment("DE", "DE")).isEqualTo(Vat.Treatment.DOMESTIC);
		assertThat(Vat.treatment("FR", "DE")).isEqualTo(Vat.Treatment.REVERSE_CHARGE);
		assertThat(Vat.treatment("GR", "CY")).isEqualTo(Vat.Treatment.REVERSE_CHARGE);
		assertThat(Vat.treatment("US", "DE")).isEqualTo(Vat.Treatment.OUTSIDE_SCOPE);
		assertThat(Vat.treatment("DE", "CH")).isEqualTo(Vat.Treatment.OUTSIDE_SCOPE);
		assertThat(Vat.treatment("US", "US")).isEqualTo(Vat.Treatment.OUTSIDE_SCOPE);
	}

	@Test
	void roundsTheVatOnceHalfUpToTheMinorUnit() {
		Currency eur = Currency.getInstance("EUR");
		// 126.67 × 0.19 = 24.0673 → 24.07; 10.50 × 0.21 = 2.205 → 2.21 (half up, not half even)
		assertThat(Vat.amount(new BigDecimal("126.67"), new BigDecimal("0.19"), eur)).isEqualTo("24.07");
		assertThat(Vat.amount(new BigDecimal("10.50"), new BigDecimal("0.21"), eur)).isEqualTo("2.21");
		assertThat(Vat.amount(new BigDecimal("1000"), new BigDecimal("0.255"), Currency.getInstance("JPY")))
			.isEqualTo("255");
	}

}
