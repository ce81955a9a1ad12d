package com.partnerline.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * EU VAT rules of a self-billed invoice: the 27 member states, the format of each one's
 * VAT identification number (the country prefix, {@code EL} for Greece, then the national
 * number), and which treatment an invoice gets from the supplier's (partner's) and the
 * customer's (vendor's) countries.
 */
final class Vat {

	/** Member states by ISO 3166 code, each with its VAT prefix and the pattern of the number after it. */
	private static final Map<String, Format> FORMATS = Map.ofEntries(format("AT", "AT", "U\\d{8}"),
			format("BE", "BE", "[01]\\d{9}"), format("BG", "BG", "\\d{9,10}"), format("HR", "HR", "\\d{11}"),
			format("CY", "CY", "\\d{8}[A-Z]"), format("CZ", "CZ", "\\d{8,10}"), format("DK", "DK", "\\d{8}"),
			format("EE", "EE", "\\d{9}"), format("FI", "FI", "\\d{8}"),
			format("FR", "FR", "[0-9A-HJ-NP-Z]{2}\\d{9}"), format("DE", "DE", "\\d{9}"),
			format("GR", "EL", "\\d{9}"), format("HU", "HU", "\\d{8}"),
			format("IE", "IE", "\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]"), format("IT", "IT", "\\d{11}"),
			format("LV", "LV", "\\d{11}"), format("LT", "LT", "\\d{9}|\\d{12}"), format("LU", "LU", "\\d{8}"),
			format("MT", "MT", "\\d{8}"), format("NL", "NL", "\\d{9}B\\d{2}"), format("PL", "PL", "\\d{10}"),
			format("PT", "PT", "\\d{9}"), format("RO", "RO", "[1-9]\\d{1,9}"), format("SK", "SK", "\\d{10}"),
			format("SI", "SI", "\\d{8}"), format("ES", "ES", "[A-Z0-9]\\d{7}[A-Z0-9]"),
			format("SE", "SE", "\\d{10}01"));

	static final Set<String> EU = FORMATS.keySet();

	private Vat() {
	}

	private static Map.Entry<String, Format> format(String country, String prefix, String number) {
		return Map.entry(country, new Format(prefix, Pattern.compile(prefix + "(?:" + number + ")")));
	}

	static boolean isEu(String country) {
		return EU.contains(country);
	}

	/** The VAT prefix of an EU country ({@code EL} for {@code GR}); {@literal null} outside the EU. */
	static @Nullable String prefix(String country) {
		Format format = FORMATS.get(country);
		return format == null ? null : format.prefix();
	}

	/** Upper case without the spaces, dots and dashes people type into VAT ids. */
	static String normalise(String vatId) {
		return vatId.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
	}

	/** Why {@code vatId} (normalised) is not a VAT id of {@code country}, or {@literal null} when it is one by format. */
	static @Nullable String problem(String country, String vatId) {
		Format format = FORMATS.get(country);
		if (format == null) {
			return vatId.matches("[A-Z0-9]{2,20}") ? null : "invoicing.error.vatFormat";
		}
		if (!vatId.startsWith(format.prefix())) {
			return "invoicing.error.vatCountry";
		}
		return format.pattern().matcher(vatId).matches() ? null : "invoicing.error.vatFormat";
	}

	/** How an invoice from a supplier in one country to a customer in another is taxed. */
	static Treatment treatment(String supplierCountry, String customerCountry) {
		if (!isEu(supplierCountry) || !isEu(customerCountry)) {
			return Treatment.OUTSIDE_SCOPE;
		}
		return supplierCountry.equals(customerCountry) ? Treatment.DOMESTIC : Treatment.REVERSE_CHARGE;
	}

	/** The VAT on {@code net} at {@code rate}, rounded once, half up, to the currency's minor unit. */
	static BigDecimal amount(BigDecimal net, BigDecimal rate, Currency currency) {
		return net.multiply(rate).setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
	}

	enum Treatment {

		/** Both in the same member state: that state's VAT at its standard rate. */
		DOMESTIC,
		/** Different member states: no VAT on the invoice; the customer accounts for it (Art. 196). */
		REVERSE_CHARGE,
		/** Either party outside the EU: no EU VAT. */
		OUTSIDE_SCOPE

	}

	private record Format(String prefix, Pattern pattern) {
	}

}
