package com.partnerline.invoicing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import com.partnerline.kernel.Formats;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A self-billed invoice as a PDF in the reader's language (Apache PDFBox, Liberation Sans
 * as the statement PDF): the "self-billing" heading, the vendor as issuer on the
 * partner's behalf, number and dates, both parties with their VAT ids, the lines, net,
 * VAT or the note that replaces it, the total, and the agreement it rests on. Rendered
 * from the invoice's row whenever asked for, never stored.
 */
@Component
class InvoicePdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final float MARGIN = 50;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private final MessageSource messages;

	InvoicePdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Invoice invoice, Locale locale) {
		try (PDDocument pdf = new PDDocument(); InputStream font = InvoicePdf.class.getResourceAsStream(FONT)) {
			PDFont regular = PDType0Font.load(pdf, font);
			String number = invoice.displayNumber();
			describe(pdf, invoice, locale);
			Writer w = new Writer(pdf, regular);
			w.line(18, text(locale, "invoicing.pdf.heading"));
			w.line(10, text(locale, "invoicing.pdf.selfBilling", invoice.customer().legalName(),
					invoice.supplier().legalName()));
			w.rule();
			w.pair(text(locale, "invoicing.pdf.number"), number);
			w.pair(text(locale, "invoicing.pdf.issuedOn"), Formats.date(invoice.issuedOn(), locale));
			w.pair(text(locale, "invoicing.pdf.period"), text(locale, "invoicing.pdf.periodValue",
					Formats.date(invoice.month().atDay(1), locale), Formats.date(invoice.month().atEndOfMonth(), locale)));
			w.pair(text(locale, "invoicing.pdf.paidWith"),
					text(locale, "invoicing.pdf.paidWithValue", Formats.month(invoice.payoutMonth(), locale)));
			w.gap();
			party(w, locale, "invoicing.pdf.supplier", invoice.supplier());
			party(w, locale, "invoicing.pdf.customer", invoice.customer());
			w.rule();
			for (Invoice.Line line : invoice.lines()) {
				w.pair(text(locale, "invoicing.line." + line.kind(), Formats.month(invoice.month(), locale)),
						Formats.money(line.amount(), invoice.currency(), locale));
			}
			w.rule();
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
			w.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void party(Writer w, Locale locale, String key, LegalDetails party) throws IOException {
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

	private void describe(PDDocument pdf, Invoice invoice, Locale locale) {
		PDDocumentInformation info = pdf.getDocumentInformation();
		info.setTitle(text(locale, "invoicing.pdf.heading") + " " + invoice.displayNumber());
		info.setAuthor(invoice.customer().legalName());
		info.setSubject(text(locale, "invoicing.pdf.heading"));
		info.setCreator("Partnerline");
		pdf.getDocumentCatalog().setLanguage(locale.toLanguageTag());
		PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
		preferences.setDisplayDocTitle(true);
		pdf.getDocumentCatalog().setViewerPreferences(preferences);
	}

	private String text(Locale locale, String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** Writes lines top to bottom, starting a new page when one is full. */
	private static final class Writer {

		private final PDDocument pdf;

		private final PDFont font;

		private PDPageContentStream content;

		private float y;

		Writer(PDDocument pdf, PDFont font) throws IOException {
			this.pdf = pdf;
			this.font = font;
			newPage();
		}

		private void newPage() throws IOException {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			pdf.addPage(page);
			content = new PDPageContentStream(pdf, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void line(float size, String text) throws IOException {
			room(size + 6);
			show(MARGIN, y, size, text);
			y -= size + 5;
		}

		void pair(String label, String value) throws IOException {
			room(15);
			show(MARGIN, y, 10, label);
			show(MARGIN + WIDTH - width(value, 10), y, 10, value);
			y -= 15;
		}

		void rule() throws IOException {
			room(8);
			content.setLineWidth(0.6f);
			content.moveTo(MARGIN, y + 6);
			content.lineTo(MARGIN + WIDTH, y + 6);
			content.stroke();
			y -= 6;
		}

		void gap() {
			y -= 7;
		}

		private void room(float height) throws IOException {
			if (y - height < MARGIN) {
				newPage();
			}
		}

		private float width(String text, float size) throws IOException {
			return font.getStringWidth(clean(text)) / 1000 * size;
		}

		private void show(float x, float at, float size, String text) throws IOException {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, at);
			content.showText(clean(text));
			content.endText();
		}

		private static String clean(String text) {
			return text.replace('\u202f', ' ').replace('\u00a0', ' ').replace('\t', ' ');
		}

		void close() throws IOException {
			content.close();
		}

	}

}
