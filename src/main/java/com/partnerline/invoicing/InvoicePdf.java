package com.partnerline.invoicing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A self-billed invoice as a PDF in the reader's language: the "self-billing" heading,
 * the vendor as issuer on the partner's behalf, number and dates, both parties with
 * their VAT ids, the lines, net, VAT or the note that replaces it, the total, and the
 * agreement it rests on. Rendered from the invoice's row whenever asked for, never stored.
 */
@Component
class InvoicePdf {

	private final MessageSource messages;

	InvoicePdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Invoice invoice, Locale locale) {
		try (PdfWriter w = new PdfWriter()) {
			String number = invoice.displayNumber();
			w.describe(text(locale, "invoicing.pdf.heading") + " " + number, invoice.customer().legalName(),
					text(locale, "invoicing.pdf.heading"), null, locale);
			w.line(18, text(locale, "invoicing.pdf.heading"));
			w.line(10, text(locale, "invoicing.pdf.selfBilling", invoice.customer().legalName(),
					invoice.supplier().legalName()));
			w.rule(0.6f);
			w.pair(text(locale, "invoicing.pdf.number"), number);
			w.pair(text(locale, "invoicing.pdf.issuedOn"), Formats.date(invoice.issuedOn(), locale));
			w.pair(text(locale, "invoicing.pdf.period"), text(locale, "invoicing.pdf.periodValue",
					Formats.date(invoice.month().atDay(1), locale), Formats.date(invoice.month().atEndOfMonth(), locale)));
			w.pair(text(locale, "invoicing.pdf.paidWith"),
					text(locale, "invoicing.pdf.paidWithValue", Formats.month(invoice.payoutMonth(), locale)));
			w.gap();
			party(w, locale, "invoicing.pdf.supplier", invoice.supplier());
			party(w, locale, "invoicing.pdf.customer", invoice.customer());
			w.rule(0.6f);
			for (Invoice.Line line : invoice.lines()) {
				w.pair(text(locale, "invoicing.line." + line.kind(), Formats.month(invoice.month(), locale)),
						Formats.money(line.amount(), invoice.currency(), locale));
			}
			w.rule(0.6f);
			w.pair(text(locale, "invoicing.pdf.net"), Formats.money(invoice.net(), invoice.currency(), locale));
			String vatLabel = invoice.vatRate() == null ? text(locale, "invoicing.pdf.vat")
					: text(locale, "invoicing.pdf.vatAt", Formats.percent(invoice.vatRate(), locale));
			w.pair(vatLabel, Formats.money(invoice.vat(), invoice.currency(), locale));
			w.pair(text(locale, "invoicing.pdf.gross"), Formats.money(invoice.gross(), invoice.currency(), locale));
			w.gap();
			if (invoice.treatment() != Vat.Treatment.DOMESTIC) {
				w.line(10, text(locale, "invoicing.pdf.note." + invoice.treatment().name()));
			}
			LocalDate agreed = invoice.agreement().agreedAt().atZone(ZoneOffset.UTC).toLocalDate();
			w.line(9, text(locale, "invoicing.pdf.agreement", Formats.date(agreed, locale),
					invoice.agreement().termsVersion()));
			return w.finish(null, null);
		}
	}

	private void party(PdfWriter w, Locale locale, String key, LegalDetails party) {
		w.line(11, text(locale, key));
		w.line(10, party.legalName());
		for (String line : party.addressLines()) {
			w.line(10, line);
		}
		w.line(10, new Locale("", party.country()).getDisplayCountry(locale));
		if (party.vatId() != null) {
			w.line(10, text(locale, "invoicing.pdf.vatId", party.vatId()));
		}
		w.gap();
	}

	private String text(Locale locale, String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
