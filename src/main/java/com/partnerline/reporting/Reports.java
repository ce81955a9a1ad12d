package com.partnerline.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/** The report records of this module; package-private values, never handed to other modules. */
final class Reports {

	private Reports() {
	}

	/** One version of a Partner Planning and Forecast Report. */
	record Forecast(long id, VendorId vendorId, PartnerId partnerId, YearMonth month, int version,
			BigDecimal anticipatedVolume, Currency currency, boolean late, Instant submittedAt,
			@Nullable Instant replacedAt, List<ForecastLine> lines) {

		boolean isCurrent() {
			return replacedAt == null;
		}

	}

	record ForecastLine(String sku, int quantity) {
	}

	/** One version of a Partner Sales Report; its lines are read separately. */
	record Sales(long id, VendorId vendorId, PartnerId partnerId, YearMonth month, int version, String source,
			int lineCount, BigDecimal total, Currency currency, boolean late, Instant submittedAt,
			@Nullable Instant replacedAt) {

		boolean isCurrent() {
			return replacedAt == null;
		}

	}

	/** A good line of a sales report; {@code line} is its number in the submission (CSV: header is line 1). */
	record SalesLine(int line, String sku, int quantity, BigDecimal amount, String clientName, String clientEmail,
			String clientCountry) {
	}

	/** A partner's forecast quantity of one product in a month. */
	record ForecastQuantity(PartnerId partnerId, String sku, long quantity) {
	}

	/** Sold quantity and amount of one product by one partner in one month, in the program currency. */
	record ProductSales(PartnerId partnerId, YearMonth month, String sku, long quantity, BigDecimal amount) {
	}

}
