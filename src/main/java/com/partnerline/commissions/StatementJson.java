package com.partnerline.commissions;

import java.time.YearMonth;
import java.util.List;

import com.partnerline.catalog.Vendor;
import org.jspecify.annotations.Nullable;

/** A statement with its lines as the partner API writes it. */
record StatementJson(String vendor, String month, String partnerId, String type, String currency, String volume,
		String band, String rate, String commission, String adjustments, String broughtForward, String payable,
		String carriedForward, boolean eligibleForInternet, List<LineJson> lines, String paidWithBatchOf) {

	/** @param payoutMonth the month whose close makes the batch that pays this statement (payoutDelayMonths) */
	static StatementJson of(Vendor vendor, StatementDocument document, YearMonth payoutMonth) {
		Statement s = document.statement();
		return new StatementJson(vendor.slug(), s.month().toString(), s.partnerId().toString(),
				s.partnerType().name(), s.currency().getCurrencyCode(), Json.volume(s.volume()), s.band(),
				Json.rate(s.rate()), Json.amount(s.commission(), s.currency()),
				Json.amount(s.adjustments(), s.currency()), Json.amount(s.broughtForward(), s.currency()),
				Json.amount(s.payable(), s.currency()), Json.amount(s.carriedForward(), s.currency()),
				s.eligibleForInternet(),
				document.lines()
					.stream()
					.map(line -> new LineJson(line.kind(), line.reference(),
							line.occurredAt() == null ? null
									: line.occurredAt().atZone(vendor.timeZone()).toOffsetDateTime().toString(),
							line.orderMonth() == null ? null : line.orderMonth().toString(),
							line.kind().equals("ORDER") || line.kind().equals("SELF_REFERRAL")
									|| line.kind().equals("REFUND") ? Json.volume(line.amount())
											: Json.amount(line.amount(), s.currency()),
							line.rate() == null ? null : Json.rate(line.rate())))
					.toList(),
				payoutMonth.toString());
	}

	record LineJson(String kind, @Nullable String reference, @Nullable String occurredAt, @Nullable String orderMonth,
			String amount, @Nullable String rate) {
	}

}
