package com.partnerline.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.partnerline.reporting.Reports.SalesLine;
import org.jspecify.annotations.Nullable;

/**
 * Checks the lines of a Partner Sales Report, whatever they came in (JSON, CSV or the
 * form): every problem of every line is found, so that all can be named at once.
 */
final class SalesLines {

	/** The columns of a sales report, as the CSV header names them. */
	static final List<String> COLUMNS = List.of("sku", "quantity", "amount", "client_name", "client_email",
			"client_country");

	private static final Pattern QUANTITY = Pattern.compile("\\d{1,7}");

	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final int MAX_QUANTITY = 1_000_000;

	private SalesLines() {
	}

	/** A line as submitted, all values as text; {@code line} is its number (CSV: the header is line 1). */
	record Raw(int line, @Nullable String sku, @Nullable String quantity, @Nullable String amount,
			@Nullable String clientName, @Nullable String clientEmail, @Nullable String clientCountry,
			@Nullable String unreadable) {

		static Raw of(int line, @Nullable String sku, @Nullable String quantity, @Nullable String amount,
				@Nullable String clientName, @Nullable String clientEmail, @Nullable String clientCountry) {
			return new Raw(line, sku, quantity, amount, clientName, clientEmail, clientCountry, null);
		}

		static Raw unreadable(int line, String problem) {
			return new Raw(line, null, null, null, null, null, null, problem);
		}

		boolean isBlank() {
			return unreadable == null && blank(sku) && blank(quantity) && blank(amount) && blank(clientName)
					&& blank(clientEmail) && blank(clientCountry);
		}

	}

	/** One problem of a line: {@code column} is one of {@link #COLUMNS}, or {@literal null} for the whole line. */
	record Problem(@Nullable String column, String message) {
	}

	/**
	 * A checked line: {@code good} when it has no problem. The derived values are
	 * components so that templates can read them.
	 *
	 * @param summary all problems of the line in one sentence, columns named: "sku: ...; quantity: ..."
	 * @param badColumns the columns that have a problem
	 */
	record Checked(Raw raw, @Nullable SalesLine good, List<Problem> problems, boolean ok, String summary,
			Set<String> badColumns) {

		static Checked of(Raw raw, @Nullable SalesLine good, List<Problem> problems) {
			Set<String> bad = new TreeSet<>();
			problems.stream().map(Problem::column).filter(java.util.Objects::nonNull).forEach(bad::add);
			String summary = String.join("; ", problems.stream()
				.map(p -> p.column() == null ? p.message() : p.column() + ": " + p.message())
				.toList());
			return new Checked(raw, good, List.copyOf(problems), problems.isEmpty(), summary, bad);
		}

	}

	/**
	 * @param products the vendor's SKUs (canonical spelling), keyed by their upper-case form
	 */
	static List<Checked> check(List<Raw> lines, Map<String, String> products, ReportTexts texts) {
		List<Checked> result = new ArrayList<>();
		for (Raw raw : lines) {
			result.add(check(raw, products, texts));
		}
		return result;
	}

	static Checked check(Raw raw, Map<String, String> products, ReportTexts texts) {
		List<Problem> problems = new ArrayList<>();
		if (raw.unreadable() != null) {
			problems.add(new Problem(null, raw.unreadable()));
			return Checked.of(raw, null, problems);
		}
		String sku = trim(raw.sku());
		String canonical = null;
		if (sku.isEmpty()) {
			problems.add(new Problem("sku", texts.text("validation.required")));
		}
		else {
			canonical = products.get(sku.toUpperCase(Locale.ROOT));
			if (canonical == null) {
				problems.add(new Problem("sku", texts.text("reporting.line.unknownSku", sku)));
			}
		}
		String quantityText = trim(raw.quantity());
		int quantity = 0;
		if (quantityText.isEmpty()) {
			problems.add(new Problem("quantity", texts.text("validation.required")));
		}
		else if (!QUANTITY.matcher(quantityText).matches() || Integer.parseInt(quantityText) < 1
				|| Integer.parseInt(quantityText) > MAX_QUANTITY) {
			problems.add(new Problem("quantity", texts.text("reporting.line.quantity", quantityText, MAX_QUANTITY)));
		}
		else {
			quantity = Integer.parseInt(quantityText);
		}
		String amountText = trim(raw.amount());
		BigDecimal amount = null;
		if (amountText.isEmpty()) {
			problems.add(new Problem("amount", texts.text("validation.required")));
		}
		else if (!AMOUNT.matcher(amountText).matches()) {
			problems.add(new Problem("amount", texts.text("reporting.line.amount", amountText)));
		}
		else {
			BigDecimal value = new BigDecimal(amountText);
			if (value.signum() < 0) {
				problems.add(new Problem("amount", texts.text("reporting.line.amountNegative", amountText)));
			}
			else if (value.stripTrailingZeros().scale() > 4) {
				problems.add(new Problem("amount", texts.text("reporting.line.amount", amountText)));
			}
			else {
				amount = value;
			}
		}
		String name = trim(raw.clientName());
		if (name.isEmpty()) {
			problems.add(new Problem("client_name", texts.text("validation.required")));
		}
		else if (name.length() > 200) {
			problems.add(new Problem("client_name", texts.text("validation.tooLong")));
		}
		String email = trim(raw.clientEmail());
		if (email.isEmpty()) {
			problems.add(new Problem("client_email", texts.text("validation.required")));
		}
		else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
			problems.add(new Problem("client_email", texts.text("reporting.line.email", email)));
		}
		String country = trim(raw.clientCountry()).toUpperCase(Locale.ROOT);
		if (country.isEmpty()) {
			problems.add(new Problem("client_country", texts.text("validation.required")));
		}
		else if (!COUNTRIES.contains(country)) {
			problems.add(new Problem("client_country", texts.text("reporting.line.country", country)));
		}
		if (!problems.isEmpty() || canonical == null || amount == null) {
			return Checked.of(raw, null, problems);
		}
		return Checked.of(raw, new SalesLine(raw.line(), canonical, quantity, amount, name, email, country), List.of());
	}

	/** The JSON path of a column of the line at {@code index}: {@code lines[2].client.email}. */
	static String jsonField(int index, @Nullable String column) {
		String base = "lines[" + index + "]";
		if (column == null) {
			return base;
		}
		return base + "." + switch (column) {
			case "client_name" -> "client.name";
			case "client_email" -> "client.email";
			case "client_country" -> "client.country";
			default -> column;
		};
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static String trim(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

}
