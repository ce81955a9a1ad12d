package com.partnerline.commissions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.Formats;
import com.partnerline.partners.Partner;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A statement as a PDF in the partner's language, drawn with Apache PDFBox in Liberation
 * Sans (shipped inside PDFBox; it has Latin and Cyrillic letters).
 */
@Component
class StatementPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final float MARGIN = 50;

	private static final float LEADING = 15;

	private final MessageSource messages;

	StatementPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Vendor vendor, Partner partner, StatementDocument document, Locale locale) {
		Statement s = document.statement();
		try (PDDocument pdf = new PDDocument(); InputStream font = StatementPdf.class.getResourceAsStream(FONT)) {
			PDFont regular = PDType0Font.load(pdf, font);
			Writer writer = new Writer(pdf, regular);
			writer.line(16, text(locale, "commissions.pdf.title", vendor.name(), Formats.month(s.month(), locale)));
			writer.line(10, text(locale, "commissions.pdf.partner", partner.name(), partner.code()));
			writer.gap();
			writer.pair(text(locale, "commissions.field.volume"), Formats.money(BandEngine.round(s.volume(), s.currency()), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.band"), s.band() + " (" + Formats.percent(s.rate(), locale) + ")");
			writer.pair(text(locale, "commissions.field.commission"), Formats.money(s.commission(), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.adjustments"), Formats.money(s.adjustments(), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.broughtForward"), Formats.money(s.broughtForward(), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.payable"), Formats.money(s.payable(), s.currency(), locale));
			writer.pair(text(locale, "commissions.field.carriedForward"), Formats.money(s.carriedForward(), s.currency(), locale));
			writer.gap();
			writer.line(12, text(locale, "commissions.statement.lines"));
			ZoneId zone = vendor.timeZone();
			for (StatementDocument.Line line : document.lines()) {
				String label = text(locale, "commissions.line." + line.kind());
				String reference = line.reference() == null ? "" : " " + line.reference();
				String date = line.occurredAt() == null ? "" : " " + Formats.date(line.occurredAt().atZone(zone).toLocalDate(), locale);
				String rate = line.rate() == null ? "" : " × " + Formats.percent(line.rate(), locale);
				writer.pair(label + reference + date + rate,
						Formats.money(BandEngine.round(line.amount(), s.currency()), s.currency(), locale));
			}
			writer.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
			ensureRoom(size + 4);
			show(MARGIN, size, text);
			y -= size + 4;
		}

		void pair(String label, String value) throws IOException {
			ensureRoom(LEADING);
			show(MARGIN, 10, label);
			float width = font.getStringWidth(value) / 1000 * 10;
			show(PDRectangle.A4.getWidth() - MARGIN - width, 10, value);
			y -= LEADING;
		}

		void gap() {
			y -= LEADING / 2;
		}

		private void ensureRoom(float height) throws IOException {
			if (y - height < MARGIN) {
				newPage();
			}
		}

		private void show(float x, float size, String text) throws IOException {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, y);
			content.showText(text.replace('\u202f', ' ').replace('\u00a0', ' '));
			content.endText();
		}

		void close() throws IOException {
			content.close();
		}

	}

}
