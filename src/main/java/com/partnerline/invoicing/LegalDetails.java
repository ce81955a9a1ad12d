package com.partnerline.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The legal identity printed on a self-billed invoice, of a partner (the supplier) or a
 * vendor (the customer).
 *
 * @param address street, postal code and city, one per line
 * @param country ISO 3166 alpha-2 of the address
 * @param vatId normalised, with its country prefix; required in the EU, {@literal null} elsewhere when there is none
 */
record LegalDetails(String legalName, String address, String country, @Nullable String vatId) {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/**
	 * Checks and normalises what a form or API call sent.
	 * @throws ApiProblem 422 naming each bad field: a missing name, address or country, an
	 * unknown country, a VAT id whose format is not its country's, or whose prefix is not
	 * the address country's
	 */
	static LegalDetails validated(@Nullable String legalName, @Nullable String address, @Nullable String country,
			@Nullable String vatId) {
		List<FieldProblem> errors = new ArrayList<>();
		String name = legalName == null ? "" : legalName.strip();
		String lines = address == null ? "" : address.strip().replace("\r\n", "\n");
		String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
		String vat = vatId == null ? "" : Vat.normalise(vatId);
		if (name.isEmpty()) {
			errors.add(new FieldProblem("legalName", "invoicing.error.required"));
		}
		else if (name.length() > 200) {
			errors.add(new FieldProblem("legalName", "invoicing.error.tooLong"));
		}
		if (lines.isEmpty()) {
			errors.add(new FieldProblem("address", "invoicing.error.required"));
		}
		else if (lines.length() > 500 || lines.lines().count() > 6) {
			errors.add(new FieldProblem("address", "invoicing.error.tooLong"));
		}
		if (code.isEmpty()) {
			errors.add(new FieldProblem("country", "invoicing.error.required"));
		}
		else if (!COUNTRIES.contains(code)) {
			errors.add(new FieldProblem("country", "invoicing.error.country"));
		}
		else if (vat.isEmpty() && Vat.isEu(code)) {
			errors.add(new FieldProblem("vatId", "invoicing.error.vatRequired"));
		}
		else if (!vat.isEmpty()) {
			String problem = Vat.problem(code, vat);
			if (problem != null) {
				errors.add(new FieldProblem("vatId", problem));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		return new LegalDetails(name, lines, code, vat.isEmpty() ? null : vat);
	}

	List<String> addressLines() {
		return address.lines().toList();
	}

}
