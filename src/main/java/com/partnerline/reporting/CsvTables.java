package com.partnerline.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.partnerline.kernel.CsvWriter;
import com.partnerline.reporting.ReportOverview.ForecastVsActual;
import com.partnerline.reporting.ReportOverview.LateRow;
import com.partnerline.reporting.ReportOverview.MissingRow;
import com.partnerline.reporting.ReportOverview.PartnerRow;
import com.partnerline.reporting.ReportOverview.ProductRow;
import com.partnerline.reporting.ReportOverview.SalesRow;
import org.jspecify.annotations.Nullable;

/**
 * The console's tables as CSV (RFC 4180, header first, language-neutral values), through
 * the one {@link CsvWriter}, which neutralises text a spreadsheet would run as a formula.
 */
final class CsvTables {

	/** The tables that can be exported. */
	static final List<String> TABLES = List.of("forecast-vs-actual", "products", "missing", "late", "sales");

	private CsvTables() {
	}

	static String forecastVsActual(ForecastVsActual report, String currency) {
		List<List<Object>> rows = new ArrayList<>();
		for (PartnerRow row : report.partners()) {
			rows.add(List.of(report.month().toString(), row.partnerId().toString(), row.name(), row.type(),
					decimal(row.forecast()), money(row.actual()), decimal(row.ratio()), currency,
					row.forecastLate()));
		}
		return write(List.of("month", "partner_id", "partner", "type", "forecast", "actual", "ratio", "currency",
				"forecast_late"), rows);
	}

	static String products(ForecastVsActual report, String currency) {
		List<List<Object>> rows = new ArrayList<>();
		for (PartnerRow row : report.partners()) {
			for (ProductRow product : row.products()) {
				rows.add(List.of(report.month().toString(), row.partnerId().toString(), row.name(),
						product.sku(), product.forecastQuantity(), product.actualQuantity(),
						money(product.actualAmount()), currency));
			}
		}
		return write(List.of("month", "partner_id", "partner", "sku", "forecast_quantity", "actual_quantity",
				"actual_amount", "currency"), rows);
	}

	static String missing(ForecastVsActual report) {
		List<List<Object>> rows = new ArrayList<>();
		for (MissingRow row : report.missing()) {
			rows.add(List.of(row.month().toString(), row.partnerId().toString(), row.name(), row.type().name(),
					row.dueOn().toString(), row.overdue()));
		}
		return write(List.of("month", "partner_id", "partner", "report", "due_on", "overdue"), rows);
	}

	static String late(ForecastVsActual report) {
		List<List<Object>> rows = new ArrayList<>();
		for (LateRow row : report.late()) {
			rows.add(List.of(row.month().toString(), row.partnerId().toString(), row.name(), row.type().name(),
					row.dueOn().toString(), row.submittedAt().toString()));
		}
		return write(List.of("month", "partner_id", "partner", "report", "due_on", "submitted_at"), rows);
	}

	static String sales(List<SalesRow> sales, String currency) {
		List<List<Object>> rows = new ArrayList<>();
		for (SalesRow row : sales) {
			rows.add(List.of(row.month().toString(), row.partnerId().toString(), row.name(), row.sku(),
					row.quantity(), money(row.amount()), currency));
		}
		return write(List.of("month", "partner_id", "partner", "sku", "quantity", "amount", "currency"), rows);
	}

	static String money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
	}

	private static String decimal(@Nullable BigDecimal value) {
		return value == null ? "" : PartnerReporting.decimal(value);
	}

	private static String write(List<String> header, List<List<Object>> rows) {
		return CsvWriter.write(header, rows);
	}

}
