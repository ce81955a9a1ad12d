package com.partnerline.commissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.prowidesoftware.swift.model.BIC;
import com.prowidesoftware.swift.model.IBAN;
import org.jspecify.annotations.Nullable;

/**
 * How a partner is paid: a bank account ({@code BANK}: holder, IBAN with its checksum,
 * BIC) or PayPal ({@code PAYPAL}: an email address).
 */
public record PayoutDetails(String method, @Nullable String accountHolder, @Nullable String iban, @Nullable String bic,
		@Nullable String email) {

	static final List<String> METHODS = List.of("BANK", "PAYPAL");

	/**
	 * Checks and normalises what a partner sent (IBAN and BIC without spaces, upper case).
	 * @throws ApiProblem 422 naming each bad field
	 */
	static PayoutDetails validated(@Nullable String method, @Nullable String accountHolder, @Nullable String iban,
			@Nullable String bic, @Nullable String email) {
		List<FieldProblem> problems = new ArrayList<>();
		String chosen = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
		if (!METHODS.contains(chosen)) {
			problems.add(new FieldProblem("method", "commissions.payout.methodInvalid"));
			throw ApiProblem.invalid(problems);
		}
		if (chosen.equals("PAYPAL")) {
			String address = email == null ? "" : email.trim();
			if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
				problems.add(new FieldProblem("email", "commissions.payout.emailInvalid"));
				throw ApiProblem.invalid(problems);
			}
			return new PayoutDetails(chosen, null, null, null, address);
		}
		String holder = accountHolder == null ? "" : accountHolder.trim();
		if (holder.isEmpty()) {
			problems.add(new FieldProblem("accountHolder", "validation.required"));
		}
		else if (holder.length() > 70) {
			problems.add(new FieldProblem("accountHolder", "validation.tooLong"));
		}
		String normalIban = iban == null ? "" : iban.replace(" ", "").toUpperCase(Locale.ROOT);
		if (normalIban.isEmpty()) {
			problems.add(new FieldProblem("iban", "validation.required"));
		}
		else if (!validIban(normalIban)) {
			problems.add(new FieldProblem("iban", "commissions.payout.ibanInvalid"));
		}
		String normalBic = bic == null ? "" : bic.replace(" ", "").toUpperCase(Locale.ROOT);
		if (normalBic.isEmpty()) {
			problems.add(new FieldProblem("bic", "validation.required"));
		}
		else if (!validBic(normalBic)) {
			problems.add(new FieldProblem("bic", "commissions.payout.bicInvalid"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		return new PayoutDetails(chosen, holder, normalIban, normalBic, null);
	}

	/** Country, length and the ISO 7064 mod-97 checksum, as Prowide's IBAN validator checks them. */
	static boolean validIban(String iban) {
		return iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}") && new IBAN(iban).isValid();
	}

	/** 8 or 11 characters: institution, ISO country, location, optional branch. */
	static boolean validBic(String bic) {
		return bic.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?") && new BIC(bic).isValid();
	}

	/** The IBAN with its last four characters only, for pages and mails. */
	public @Nullable String maskedIban() {
		return iban == null ? null : "…" + iban.substring(Math.max(iban.length() - 4, 0));
	}

}
