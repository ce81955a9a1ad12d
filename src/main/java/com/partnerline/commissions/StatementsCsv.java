package com.partnerline.commissions;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A month's statements as CSV for the vendor (language-neutral figures). */
final class StatementsCsv {

	static final String[] HEADER = { "month", "partner_id", "type", "volume", "band", "rate", "commission",
			"adjustments", "brought_forward", "payable", "carried_forward", "currency", "eligible_for_internet" };

	private StatementsCsv() {
	}

	static String csv(List<Statement> statements) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out)) {
			for (Statement s : statements) {
				printer.printRecord(s.month(), s.partnerId(), s.partnerType(), Json.volume(s.volume()), s.band(),
						Json.rate(s.rate()), Json.amount(s.commission(), s.currency()),
						Json.amount(s.adjustments(), s.currency()), Json.amount(s.broughtForward(), s.currency()),
						Json.amount(s.payable(), s.currency()), Json.amount(s.carriedForward(), s.currency()),
						s.currency().getCurrencyCode(), s.eligibleForInternet());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
