package com.partnerline.kernel;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The one CSV writer of every export (RFC 4180 on commons-csv, header first). A text
 * cell that a spreadsheet would run as a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return: OWASP's CSV injection rule) is
 * written with a leading apostrophe, so that the spreadsheet shows it as text. Cells
 * that are plain numbers ({@code -20.00}) stay numbers.
 */
public final class CsvWriter implements Closeable {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

	private final CSVPrinter printer;

	/** Writes the header at once; rows follow with {@link #row}. */
	public CsvWriter(Appendable out, String... header) {
		try {
			this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One record; {@literal null} is an empty cell, everything else its text, neutralised. */
	public CsvWriter row(@Nullable Object... values) {
		Object[] cells = new Object[values.length];
		for (int i = 0; i < values.length; i++) {
			cells[i] = cell(values[i]);
		}
		try {
			printer.printRecord(cells);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** A whole CSV document in memory. */
	public static String write(List<String> header, Iterable<? extends List<?>> rows) {
		StringWriter out = new StringWriter();
		try (CsvWriter csv = new CsvWriter(out, header.toArray(String[]::new))) {
			for (List<?> row : rows) {
				csv.row(row.toArray());
			}
		}
		return out.toString();
	}

	/** The cell as written: text that starts like a formula gets an apostrophe in front. */
	public static String cell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
		if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
			return text;
		}
		return "'" + text;
	}

	@Override
	public void close() {
		try {
			printer.close(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
