package com.partnerline.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

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

/**
 * Writes a business document (statement, invoice) as an A4 PDF, top to bottom, starting a new page when one is full:
 * headings and lines, label–value pairs with the value right-aligned, table rows with wrapped columns, rules, and a
 * footer on every page once all pages are known. Drawn with Apache PDFBox in Liberation Sans, which ships inside
 * PDFBox and has Latin and Cyrillic letters. Not thread-safe: one writer per document.
 */
public final class PdfWriter implements AutoCloseable {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final float MARGIN = 50;

	private static final float LEADING = 15;

	/** Width of the text area between the margins. */
	public static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private final PDDocument pdf;

	private final PDFont font;

	private PDPageContentStream content;

	private float y;

	public PdfWriter() {
		this.pdf = new PDDocument();
		try (InputStream in = PdfWriter.class.getResourceAsStream(FONT)) {
			this.font = PDType0Font.load(pdf, in);
			newPage();
		}
		catch (IOException ex) {
			closeQuietly();
			throw new UncheckedIOException(ex);
		}
	}

	/** Title (shown by viewers instead of the file name), author, subject, keywords and language of the document. */
	public PdfWriter describe(String title, String author, String subject, String keywords, Locale language) {
		PDDocumentInformation info = pdf.getDocumentInformation();
		info.setTitle(title);
		info.setAuthor(author);
		info.setSubject(subject);
		if (keywords != null) {
			info.setKeywords(keywords);
		}
		info.setCreator("Partnerline");
		PDDocumentCatalog catalog = pdf.getDocumentCatalog();
		catalog.setLanguage(language.toLanguageTag());
		PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
		preferences.setDisplayDocTitle(true);
		catalog.setViewerPreferences(preferences);
		return this;
	}

	/** A line of text in the given size: a heading or a paragraph of one line. */
	public PdfWriter line(float size, String text) {
		ensureRoom(size + 4);
		showAt(MARGIN, y, size, text);
		y -= size + 6;
		return this;
	}

	/** A label on the left and its value right-aligned on the same line. */
	public PdfWriter pair(String label, String value) {
		ensureRoom(LEADING);
		showAt(MARGIN, y, 10, label);
		showAt(MARGIN + WIDTH - width(value, 10), y, 10, value);
		y -= LEADING;
		return this;
	}

	/**
	 * One table row: the cells but the last start at {@code columns} (left edges from the margin) and wrap within their
	 * width; the last cell (an amount) is right-aligned.
	 */
	public PdfWriter row(float[] columns, String... cells) {
		List<List<String>> wrapped = new ArrayList<>();
		int height = 1;
		for (int i = 0; i < columns.length; i++) {
			float room = (i + 1 < columns.length ? columns[i + 1] : WIDTH - 80) - columns[i] - 8;
			List<String> lines = wrap(cells[i], room, 9);
			wrapped.add(lines);
			height = Math.max(height, lines.size());
		}
		ensureRoom(height * 11 + 4);
		for (int i = 0; i < columns.length; i++) {
			float at = y;
			for (String part : wrapped.get(i)) {
				showAt(MARGIN + columns[i], at, 9, part);
				at -= 11;
			}
		}
		String last = cells[cells.length - 1];
		showAt(MARGIN + WIDTH - width(last, 9), y, 9, last);
		y -= height * 11 + 4;
		return this;
	}

	/** A horizontal rule across the text area. */
	public PdfWriter rule(float thickness) {
		ensureRoom(6);
		try {
			content.setLineWidth(thickness);
			content.moveTo(MARGIN, y + 8);
			content.lineTo(MARGIN + WIDTH, y + 8);
			content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		y -= 4;
		return this;
	}

	/** Half a line of space. */
	public PdfWriter gap() {
		y -= LEADING / 2;
		return this;
	}

	/**
	 * Ends the document and answers its bytes; {@code left} is the footer of every page, {@code pageOf} (page, pages)
	 * the right-aligned "page n of m", both optional.
	 */
	public byte[] finish(String left, BiFunction<Integer, Integer, String> pageOf) {
		try {
			content.close();
			if (left != null || pageOf != null) {
				int pages = pdf.getNumberOfPages();
				for (int i = 0; i < pages; i++) {
					try (PDPageContentStream footer = new PDPageContentStream(pdf, pdf.getPage(i),
							PDPageContentStream.AppendMode.APPEND, true)) {
						content = footer;
						if (left != null) {
							showAt(MARGIN, MARGIN / 2, 8, left);
						}
						if (pageOf != null) {
							String right = pageOf.apply(i + 1, pages);
							showAt(MARGIN + WIDTH - width(right, 8), MARGIN / 2, 8, right);
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		closeQuietly();
	}

	private void closeQuietly() {
		try {
			pdf.close();
		}
		catch (IOException ex) {
			// nothing written remains to lose: the bytes were taken by finish() or the document is abandoned
		}
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

	private void ensureRoom(float height) {
		if (y - height < MARGIN) {
			try {
				newPage();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private List<String> wrap(String text, float room, float size) {
		List<String> lines = new ArrayList<>();
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

	private float width(String text, float size) {
		try {
			return font.getStringWidth(clean(text)) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void showAt(float x, float at, float size, String text) {
		try {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, at);
			content.showText(clean(text));
			content.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The font has no narrow or no-break spaces (French number formats use them) and no tab. */
	private static String clean(String text) {
		return text.replace('\u202f', ' ').replace('\u00a0', ' ').replace('\t', ' ');
	}

}
