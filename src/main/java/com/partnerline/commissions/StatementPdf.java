package com.partnerline.commissions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.Formats;
import com.partnerline.partners.Partner;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
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
 * A statement as a PDF in the partner's language, laid out as a document a finance
 * team files: a letterhead with the vendor's name, the statement's number, period
 * (with the vendor's time zone) and partner, the lines as a table with columns, the
 * totals, and page numbers; title, author, subject and keywords in the document's
 * metadata. Drawn with Apache PDFBox in Liberation Sans (shipped inside PDFBox; it
 * has Latin and Cyrillic letters).
 */
@Component
class StatementPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final float MARGIN = 50;

	private static final float LEADING = 15;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

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
		try (PDDocument pdf = new PDDocument(); InputStream font = StatementPdf.class.getResourceAsStream(FONT)) {
			PDFont regular = PDType0Font.load(pdf, font);
			String month = Formats.month(s.month(), locale);
			String title = text(locale, "commissions.pdf.title", vendor.name(), month);
			describe(pdf, vendor, partner, s, title, locale);
			Writer writer = new Writer(pdf, regular);
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
			writer.row(header);
			writer.rule(0.6f);
			if (document.lines().isEmpty()) {
				writer.line(10, text(locale, "commissions.pdf.noLines"));
			}
			for (StatementDocument.Line line : document.lines()) {
				writer.row(new String[] { text(locale, "commissions.line." + line.kind()),
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
			writer.close();
			writer.footers(text(locale, "commissions.pdf.footer", vendor.name(), number(s)),
					(page, pages) -> text(locale, "commissions.pdf.page", page, pages));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Title, author, subject, keywords and language of the document, and the title shown by viewers. */
	private void describe(PDDocument pdf, Vendor vendor, Partner partner, Statement s, String title, Locale locale) {
		PDDocumentInformation info = pdf.getDocumentInformation();
		info.setTitle(title);
		info.setAuthor(vendor.name());
		info.setSubject(text(locale, "commissions.pdf.heading") + " " + number(s));
		info.setKeywords(String.join(", ", text(locale, "commissions.pdf.keywords"), vendor.name(), partner.code(),
				s.month().toString(), number(s)));
		info.setCreator("Partnerline");
		PDDocumentCatalog catalog = pdf.getDocumentCatalog();
		catalog.setLanguage(locale.toLanguageTag());
		PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
		preferences.setDisplayDocTitle(true);
		catalog.setViewerPreferences(preferences);
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
			y -= size + 6;
		}

		void pair(String label, String value) throws IOException {
			ensureRoom(LEADING);
			show(MARGIN, 10, label);
			show(MARGIN + WIDTH - width(value, 10), 10, value);
			y -= LEADING;
		}

		/** One table row: text columns at {@link #COLUMNS}, wrapped within their width, the last column right-aligned. */
		void row(String[] cells) throws IOException {
			java.util.List<java.util.List<String>> wrapped = new java.util.ArrayList<>();
			int height = 1;
			for (int i = 0; i < COLUMNS.length; i++) {
				float room = (i + 1 < COLUMNS.length ? COLUMNS[i + 1] : WIDTH - 80) - COLUMNS[i] - 8;
				java.util.List<String> lines = wrap(cells[i], room, 9);
				wrapped.add(lines);
				height = Math.max(height, lines.size());
			}
			ensureRoom(height * 11 + 4);
			for (int i = 0; i < COLUMNS.length; i++) {
				float at = y;
				for (String part : wrapped.get(i)) {
					showAt(MARGIN + COLUMNS[i], at, 9, part);
					at -= 11;
				}
			}
			String last = cells[cells.length - 1];
			showAt(MARGIN + WIDTH - width(last, 9), y, 9, last);
			y -= height * 11 + 4;
		}

		void rule(float thickness) throws IOException {
			ensureRoom(6);
			content.setLineWidth(thickness);
			content.moveTo(MARGIN, y + 8);
			content.lineTo(MARGIN + WIDTH, y + 8);
			content.stroke();
			y -= 4;
		}

		void gap() {
			y -= LEADING / 2;
		}

		/** The footer of every page, once all pages are known: the left text and "page n of m" on the right. */
		void footers(String left, java.util.function.BiFunction<Integer, Integer, String> pageOf) throws IOException {
			int pages = pdf.getNumberOfPages();
			for (int i = 0; i < pages; i++) {
				try (PDPageContentStream footer = new PDPageContentStream(pdf, pdf.getPage(i),
						PDPageContentStream.AppendMode.APPEND, true)) {
					content = footer;
					showAt(MARGIN, MARGIN / 2, 8, left);
					String right = pageOf.apply(i + 1, pages);
					showAt(MARGIN + WIDTH - width(right, 8), MARGIN / 2, 8, right);
				}
			}
		}

		private java.util.List<String> wrap(String text, float room, float size) throws IOException {
			java.util.List<String> lines = new java.util.ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (String word : text.split(" ")) {
				String candidate = current.isEmpty() ? word : current + " " + word;
				if (width(candidate, size) > room && !current.isEmpty()) {
					lines.add(current.toString());
					current = new StringBuilder(word);
				}
				else {
					current = new StringBuilder(candidate);
				}
			}
			lines.add(current.toString());
			return lines;
		}

		private float width(String text, float size) throws IOException {
			return font.getStringWidth(clean(text)) / 1000 * size;
		}

		private void ensureRoom(float height) throws IOException {
			if (y - height < MARGIN) {
				newPage();
			}
		}

		private void show(float x, float size, String text) throws IOException {
			showAt(x, y, size, text);
		}

		private void showAt(float x, float at, float size, String text) throws IOException {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, at);
			content.showText(clean(text));
			content.endText();
		}

		private static String clean(String text) {
			return text.replace('\u202f', ' ').replace('\u00a0', ' ');
		}

		void close() throws IOException {
			content.close();
		}

	}

}
