package com.partnerline.commissions;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

import com.partnerline.kernel.CsvWriter;

/** A month's statements as CSV for the vendor (language-neutral figures). */
final class StatementsCsv {

	static final String[] HEADER = { "month", "partner_id", "type", "volume", "band", "rate", "commission",
			"adjustments", "brought_forward", "payable", "carried_forward", "currency", "eligible_for_internet" };

	private StatementsCsv() {
	}

	static String csv(List<Statement> statements) {
		StringWriter out = new StringWriter();
		try (CsvWriter csv = new CsvWriter(out, HEADER)) {
			for (Statement s : statements) {
				csv.row(s.month(), s.partnerId(), s.partnerType(), new BigDecimal(Json.volume(s.volume())), s.band(),
						new BigDecimal(Json.rate(s.rate())), s.commission(), s.adjustments(), s.broughtForward(),
						s.payable(), s.carriedForward(), s.currency().getCurrencyCode(), s.eligibleForInternet());
			}
		}
		return out.toString();
	}

}
