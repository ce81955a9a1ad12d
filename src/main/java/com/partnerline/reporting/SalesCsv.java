package com.partnerline.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.partnerline.reporting.SalesLines.Raw;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a sales report in CSV: line 1 is the header
 * {@code sku,quantity,amount,client_name,client_email,client_country} (columns in any
 * order), each further line one sale. Lines are numbered as a text editor numbers
 * them, so that an error names the line a person sees.
 */
final class SalesCsv {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setIgnoreEmptyLines(true)
		.setIgnoreSurroundingSpaces(true)
		.get();

	private SalesCsv() {
	}

	/** The lines read; {@code problem} names a problem of the file itself (its header), with its line. */
	record Parsed(List<Raw> lines, @Nullable Integer problemLine, @Nullable String problem) {

		boolean readable() {
			return problem == null;
		}

	}

	static Parsed parse(String text, ReportTexts texts) {
		String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
		int[] lineStarts = lineStarts(content);
		List<Raw> lines = new ArrayList<>();
		Map<String, Integer> columns = null;
		int headerLine = 1;
		try (CSVParser parser = CSVParser.parse(content, FORMAT)) {
			var iterator = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!iterator.hasNext()) {
						break;
					}
					record = iterator.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					int line = (int) parser.getCurrentLineNumber() + 1;
					if (columns == null) {
						return new Parsed(List.of(), line, texts.text("reporting.csv.header", String.join(",", SalesLines.COLUMNS)));
					}
					lines.add(Raw.unreadable(line, texts.text("reporting.csv.unreadable")));
					break;
				}
				int line = lineOf(lineStarts, firstCharacter(content, record.getCharacterPosition()));
				if (columns == null) {
					headerLine = line;
					columns = header(record);
					if (columns == null) {
						return new Parsed(List.of(), line,
								texts.text("reporting.csv.header", String.join(",", SalesLines.COLUMNS)));
					}
					continue;
				}
				if (record.size() != SalesLines.COLUMNS.size()) {
					if (record.size() == 1 && record.get(0).isBlank()) {
						continue;
					}
					lines.add(Raw.unreadable(line,
							texts.text("reporting.csv.columns", record.size(), SalesLines.COLUMNS.size())));
					continue;
				}
				Raw raw = Raw.of(line, value(record, columns, "sku"), value(record, columns, "quantity"),
						value(record, columns, "amount"), value(record, columns, "client_name"),
						value(record, columns, "client_email"), value(record, columns, "client_country"));
				if (!raw.isBlank()) {
					lines.add(raw);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (columns == null) {
			return new Parsed(List.of(), headerLine,
					texts.text("reporting.csv.header", String.join(",", SalesLines.COLUMNS)));
		}
		return new Parsed(lines, null, null);
	}

	private static @Nullable Map<String, Integer> header(CSVRecord record) {
		Map<String, Integer> columns = new HashMap<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).strip().toLowerCase(Locale.ROOT);
			if (!SalesLines.COLUMNS.contains(name) || !seen.add(name)) {
				return null;
			}
			columns.put(name, i);
		}
		return columns.size() == SalesLines.COLUMNS.size() ? columns : null;
	}

	private static String value(CSVRecord record, Map<String, Integer> columns, String name) {
		return record.get(columns.get(name));
	}

	// A record's position includes the empty lines skipped before it.
	private static long firstCharacter(String content, long position) {
		int i = (int) position;
		while (i < content.length() && (content.charAt(i) == '\n' || content.charAt(i) == '\r')) {
			i++;
		}
		return i;
	}

	private static int[] lineStarts(String content) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= content.length() || content.charAt(i + 1) != '\n'))) {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int lineOf(int[] lineStarts, long position) {
		int low = 0;
		int high = lineStarts.length - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (lineStarts[middle] <= position) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return low + 1;
	}

}
