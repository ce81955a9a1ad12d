package com.partnerline.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.reporting.Reports.Forecast;
import com.partnerline.reporting.Reports.ForecastLine;
import com.partnerline.reporting.Reports.ForecastQuantity;
import com.partnerline.reporting.Reports.Sales;
import com.partnerline.reporting.Reports.SalesLine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the reporting module. Every statement is scoped by the vendor id. */
@Repository
class ReportStore {

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises submissions of one report (vendor, partner, month, type) until the transaction ends. */
	void lock(VendorId vendorId, PartnerId partnerId, YearMonth month, ReportType type) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
			.params((int) (vendorId.value() % Integer.MAX_VALUE), partnerId + "/" + month + "/" + type)
			.query((rs, row) -> 1)
			.single();
	}

	// forecasts

	Optional<Forecast> currentForecast(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return jdbc.sql("""
				SELECT * FROM forecast_reports WHERE vendor_id = ? AND partner_id = ? AND month = ?
				AND replaced_at IS NULL""")
			.params(vendorId.value(), partnerId.value(), month.atDay(1))
			.query((rs, row) -> forecast(rs, List.of()))
			.optional()
			.map(f -> withLines(f));
	}

	/** Every version of the partner's forecasts, newest month and version first, without lines. */
	List<Forecast> forecastHistory(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("""
				SELECT * FROM forecast_reports WHERE vendor_id = ? AND partner_id = ?
				ORDER BY month DESC, version DESC""")
			.params(vendorId.value(), partnerId.value())
			.query((rs, row) -> forecast(rs, List.of()))
			.list();
	}

	List<Forecast> forecastVersions(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return jdbc.sql("""
				SELECT * FROM forecast_reports WHERE vendor_id = ? AND partner_id = ? AND month = ?
				ORDER BY version DESC""")
			.params(vendorId.value(), partnerId.value(), month.atDay(1))
			.query((rs, row) -> forecast(rs, List.of()))
			.list()
			.stream()
			.map(this::withLines)
			.toList();
	}

	/** The current forecasts of every partner of a vendor for a month, without lines. */
	List<Forecast> currentForecasts(VendorId vendorId, YearMonth month) {
		return jdbc.sql("SELECT * FROM forecast_reports WHERE vendor_id = ? AND month = ? AND replaced_at IS NULL")
			.params(vendorId.value(), month.atDay(1))
			.query((rs, row) -> forecast(rs, List.of()))
			.list();
	}

	/** Current forecasts of a partner for a range of months. */
	List<Forecast> currentForecasts(VendorId vendorId, PartnerId partnerId, YearMonth from, YearMonth to) {
		return jdbc.sql("""
				SELECT * FROM forecast_reports WHERE vendor_id = ? AND partner_id = ? AND month BETWEEN ? AND ?
				AND replaced_at IS NULL ORDER BY month""")
			.params(vendorId.value(), partnerId.value(), from.atDay(1), to.atDay(1))
			.query((rs, row) -> forecast(rs, List.of()))
			.list();
	}

	List<ForecastQuantity> currentForecastQuantities(VendorId vendorId, YearMonth month) {
		return jdbc.sql("""
				SELECT r.partner_id, l.sku, sum(l.quantity) AS quantity
				FROM forecast_reports r JOIN forecast_report_lines l ON l.report_id = r.id AND l.vendor_id = r.vendor_id
				WHERE r.vendor_id = ? AND r.month = ? AND r.replaced_at IS NULL
				GROUP BY r.partner_id, l.sku""")
			.params(vendorId.value(), month.atDay(1))
			.query((rs, row) -> new ForecastQuantity(new PartnerId(rs.getObject("partner_id", UUID.class)),
					rs.getString("sku"), rs.getLong("quantity")))
			.list();
	}

	int nextVersion(String table, VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM " + table
				+ " WHERE vendor_id = ? AND partner_id = ? AND month = ?")
			.params(vendorId.value(), partnerId.value(), month.atDay(1))
			.query(Integer.class)
			.single();
	}

	void markReplaced(String table, VendorId vendorId, PartnerId partnerId, YearMonth month, Instant at) {
		jdbc.sql("UPDATE " + table
				+ " SET replaced_at = ? WHERE vendor_id = ? AND partner_id = ? AND month = ? AND replaced_at IS NULL")
			.params(Timestamp.from(at), vendorId.value(), partnerId.value(), month.atDay(1))
			.update();
	}

	long insertForecast(VendorId vendorId, PartnerId partnerId, YearMonth month, int version, BigDecimal volume,
			Currency currency, boolean late, Instant at, List<ForecastLine> lines) {
		long id = jdbc.sql("""
				INSERT INTO forecast_reports (vendor_id, partner_id, month, version, anticipated_volume, currency,
				late, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(vendorId.value(), partnerId.value(), month.atDay(1), version, volume, currency.getCurrencyCode(),
					late, Timestamp.from(at))
			.query(Long.class)
			.single();
		for (int i = 0; i < lines.size(); i++) {
			jdbc.sql("INSERT INTO forecast_report_lines (report_id, vendor_id, line, sku, quantity) VALUES (?, ?, ?, ?, ?)")
				.params(id, vendorId.value(), i + 1, lines.get(i).sku(), lines.get(i).quantity())
				.update();
		}
		return id;
	}

	private Forecast withLines(Forecast forecast) {
		List<ForecastLine> lines = jdbc
			.sql("SELECT sku, quantity FROM forecast_report_lines WHERE vendor_id = ? AND report_id = ? ORDER BY line")
			.params(forecast.vendorId().value(), forecast.id())
			.query((rs, row) -> new ForecastLine(rs.getString("sku"), rs.getInt("quantity")))
			.list();
		return new Forecast(forecast.id(), forecast.vendorId(), forecast.partnerId(), forecast.month(),
				forecast.version(), forecast.anticipatedVolume(), forecast.currency(), forecast.late(),
				forecast.submittedAt(), forecast.replacedAt(), lines);
	}

	// sales reports

	Optional<Sales> currentSales(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return jdbc.sql("""
				SELECT * FROM sales_reports WHERE vendor_id = ? AND partner_id = ? AND month = ?
				AND replaced_at IS NULL""")
			.params(vendorId.value(), partnerId.value(), month.atDay(1))
			.query(ReportStore::sales)
			.optional();
	}

	List<Sales> salesHistory(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("""
				SELECT * FROM sales_reports WHERE vendor_id = ? AND partner_id = ?
				ORDER BY month DESC, version DESC""")
			.params(vendorId.value(), partnerId.value())
			.query(ReportStore::sales)
			.list();
	}

	List<Sales> salesVersions(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return jdbc.sql("""
				SELECT * FROM sales_reports WHERE vendor_id = ? AND partner_id = ? AND month = ?
				ORDER BY version DESC""")
			.params(vendorId.value(), partnerId.value(), month.atDay(1))
			.query(ReportStore::sales)
			.list();
	}

	List<Sales> currentSalesReports(VendorId vendorId, YearMonth month) {
		return jdbc.sql("SELECT * FROM sales_reports WHERE vendor_id = ? AND month = ? AND replaced_at IS NULL")
			.params(vendorId.value(), month.atDay(1))
			.query(ReportStore::sales)
			.list();
	}

	List<SalesLine> salesLines(VendorId vendorId, long reportId) {
		return jdbc.sql("SELECT * FROM sales_report_lines WHERE vendor_id = ? AND report_id = ? ORDER BY line")
			.params(vendorId.value(), reportId)
			.query((rs, row) -> new SalesLine(rs.getInt("line"), rs.getString("sku"), rs.getInt("quantity"),
					rs.getBigDecimal("amount"), rs.getString("client_name"), rs.getString("client_email"),
					rs.getString("client_country").trim()))
			.list();
	}

	long insertSales(VendorId vendorId, PartnerId partnerId, YearMonth month, int version, String source,
			BigDecimal total, Currency currency, boolean late, Instant at, List<SalesLine> lines) {
		long id = jdbc.sql("""
				INSERT INTO sales_reports (vendor_id, partner_id, month, version, source, line_count, total, currency,
				late, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(vendorId.value(), partnerId.value(), month.atDay(1), version, source, lines.size(), total,
					currency.getCurrencyCode(), late, Timestamp.from(at))
			.query(Long.class)
			.single();
		for (SalesLine line : lines) {
			jdbc.sql("""
					INSERT INTO sales_report_lines (report_id, vendor_id, line, sku, quantity, amount, client_name,
					client_email, client_country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, vendorId.value(), line.line(), line.sku(), line.quantity(), line.amount(),
						line.clientName(), line.clientEmail(), line.clientCountry())
				.update();
		}
		return id;
	}

	// reminders

	/** Records a reminder; false when it was recorded before (by this node or another). */
	boolean insertReminder(VendorId vendorId, PartnerId partnerId, YearMonth month, ReportType type,
			ReminderKind kind, LocalDate dueOn, Instant at) {
		return jdbc.sql("""
				INSERT INTO report_reminders (vendor_id, partner_id, month, report_type, kind, due_on, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vendor_id, partner_id, month, kind, report_type) DO NOTHING""")
			.params(vendorId.value(), partnerId.value(), month.atDay(1), type.name(), kind.name(), dueOn,
					Timestamp.from(at))
			.update() == 1;
	}

	/** The reminders a partner was sent: (month, type) to the latest kind. */
	Map<String, String> reminders(VendorId vendorId, PartnerId partnerId) {
		Map<String, String> result = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT month, report_type, kind FROM report_reminders WHERE vendor_id = ? AND partner_id = ?
				ORDER BY created_at""")
			.params(vendorId.value(), partnerId.value())
			.query((rs, row) -> {
				result.put(YearMonth.from(rs.getObject("month", LocalDate.class)) + "/" + rs.getString("report_type"),
						rs.getString("kind"));
				return 1;
			})
			.list();
		return result;
	}

	private static Forecast forecast(ResultSet rs, List<ForecastLine> lines) throws SQLException {
		Timestamp replaced = rs.getTimestamp("replaced_at");
		return new Forecast(rs.getLong("id"), new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)),
				YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("version"),
				rs.getBigDecimal("anticipated_volume"), Currency.getInstance(rs.getString("currency")),
				rs.getBoolean("late"), rs.getTimestamp("submitted_at").toInstant(),
				replaced == null ? null : replaced.toInstant(), new ArrayList<>(lines));
	}

	private static Sales sales(ResultSet rs, int row) throws SQLException {
		Timestamp replaced = rs.getTimestamp("replaced_at");
		return new Sales(rs.getLong("id"), new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)),
				YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("version"), rs.getString("source"),
				rs.getInt("line_count"), rs.getBigDecimal("total"), Currency.getInstance(rs.getString("currency")),
				rs.getBoolean("late"), rs.getTimestamp("submitted_at").toInstant(),
				replaced == null ? null : replaced.toInstant());
	}

}
