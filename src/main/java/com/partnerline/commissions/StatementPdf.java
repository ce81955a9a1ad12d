package com.partnerline.commissions;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PdfWriter;
import com.partnerline.partners.Partner;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A statement as a PDF in the partner's language, laid out as a document a finance
 * team files: a letterhead with the vendor's name, the statement's number, period
 * (with the vendor's time zone) and partner, the lines as a table with columns, the
 * totals, and page numbers; title, author, subject and keywords in the document's
 * metadata.
 */
@Component
class StatementPdf {

	/** Left edges of the line table's columns: type, reference, date, rate; the amount is right-aligned. */
	private static final float[] COLUMNS = { 0, 190, 310, 385 };

	private final MessageSource messages;

	StatementPdf(MessageSource messages) {
		this.messages = messages;
	}

	/** The number printed on the statement and in its metadata: month and statement id, e.g. 2025-10-000042. */
	static String number(Statement statement) {
		return statement.month() + "-" + String.format(Locale.ROOT, "%06d", statement.id());
	}

	/** @param payoutMonth the month whose payout batch pays the statement (payoutDelayMonths) */
	byte[] render(Vendor vendor, Partner partner, StatementDocument document, YearMonth payoutMonth, Locale locale) {
		Statement s = document.statement();
		try (PdfWriter writer = new PdfWriter()) {
			writer.describe(text(locale, "commissions.pdf.title", vendor.name(), Formats.month(s.month(), locale)),
					vendor.name(), text(locale, "commissions.pdf.heading") + " " + number(s),
					String.join(", ", text(locale, "commissions.pdf.keywords"), vendor.name(), partner.code(),
							s.month().toString(), number(s)),
					locale);
			// letterhead
			writer.line(20, vendor.name());
			writer.rule(1.2f);
			writer.line(14, text(locale, "commissions.pdf.heading"));
			writer.gap();
			ZoneId zone = vendor.timeZone();
			writer.pair(text(locale, "commissions.pdf.number"), number(s));
			writer.pair(text(locale, "commissions.pdf.period"),
					text(locale, "commissions.pdf.periodValue", Formats.date(s.month().atDay(1), locale),
							Formats.date(s.month().atEndOfMonth(), locale), zone.getId()));
			writer.pair(text(locale, "commissions.pdf.partnerLabel"),
					text(locale, "commissions.pdf.partnerValue", partner.name(), partner.code()));
			writer.pair(text(locale, "commissions.pdf.currency"), s.currency().getCurrencyCode());
			writer.pair(text(locale, "commissions.field.volume"),
					Formats.money(BandEngine.round(s.volume(), s.currency()), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.band"), s.band() + " (" + Formats.percent(s.rate(), locale) + ")");
			writer.gap();
			// lines
			writer.line(12, text(locale, "commissions.statement.lines"));
			String[] header = { text(locale, "commissions.field.type"), text(locale, "commissions.field.reference"),
					text(locale, "commissions.field.date"), text(locale, "commissions.field.rate"),
					text(locale, "commissions.field.amount") };
			writer.row(COLUMNS, header);
			writer.rule(0.6f);
			if (document.lines().isEmpty()) {
				writer.line(10, text(locale, "commissions.pdf.noLines"));
			}
			for (StatementDocument.Line line : document.lines()) {
				writer.row(COLUMNS, new String[] { text(locale, "commissions.line." + line.kind()),
						line.reference() == null ? "" : line.reference(),
						line.occurredAt() == null ? ""
								: Formats.date(line.occurredAt().atZone(zone).toLocalDate(), locale),
						line.rate() == null ? "" : Formats.percent(line.rate(), locale),
						Formats.money(BandEngine.round(line.amount(), s.currency()), s.currency(), locale) });
			}
			writer.rule(0.6f);
			writer.gap();
			// totals
			writer.line(12, text(locale, "commissions.pdf.totals"));
			writer.pair(text(locale, "commissions.field.commission"), Formats.money(s.commission(), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.adjustments"), Formats.money(s.adjustments(), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.broughtForward"), Formats.money(s.broughtForward(), s.currency(), locale));
			writer.rule(0.6f);
			writer.pair(text(locale, "commissions.field.payable"), Formats.money(s.payable(), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.carriedForward"), Formats.money(s.carriedForward(), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.paidWith"),
					text(locale, "commissions.paidWithBatchOf", Formats.month(payoutMonth, locale)));
			return writer.finish(text(locale, "commissions.pdf.footer", vendor.name(), number(s)),
					(page, pages) -> text(locale, "commissions.pdf.page", page, pages));
		}
	}

	private String text(Locale locale, String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
