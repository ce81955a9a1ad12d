package com.partnerline.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * A self-billed invoice: the vendor (customer) issues it on behalf of the partner
 * (supplier) for the commission of one payable statement. Written once at the close.
 *
 * @param number the vendor's sequential number, 1, 2, 3... without gaps
 * @param net the statement's payable amount
 * @param vatRate the domestic rate applied, {@literal null} unless {@link Vat.Treatment#DOMESTIC}
 * @param vat rounded once for the whole invoice, half up to the currency's minor unit
 */
record Invoice(VendorId vendorId, long number, long statementId, PartnerId partnerId, YearMonth month,
		LocalDate issuedOn, YearMonth payoutMonth, LegalDetails supplier, LegalDetails customer, Currency currency,
		BigDecimal net, Vat.Treatment treatment, @Nullable BigDecimal vatRate, BigDecimal vat, BigDecimal gross,
		List<Line> lines, Agreement agreement) {

	/** The number as printed: {@code SB-000042}. */
	String displayNumber() {
		return display(number);
	}

	static String display(long number) {
		return "SB-" + String.format(Locale.ROOT, "%06d", number);
	}

	/** The PDF's file name: {@code invoice-<vendor slug>-SB-000042.pdf}. */
	String filename(String vendorSlug) {
		return "invoice-" + vendorSlug + "-" + displayNumber() + ".pdf";
	}

	/** @param kind COMMISSION (the month's), ADJUSTMENTS (late orders and refunds) or BROUGHT_FORWARD (earlier months' unpaid balance) */
	record Line(String kind, BigDecimal amount) {
	}

	/** The partner's agreement to self-billing under which the invoice was issued. */
	record Agreement(long id, VendorId vendorId, PartnerId partnerId, java.util.@Nullable UUID contractId,
			String termsVersion, java.time.Instant agreedAt) {
	}

}
