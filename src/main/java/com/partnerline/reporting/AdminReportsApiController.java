package com.partnerline.reporting;

import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.reporting.ReportOverview.ForecastVsActual;
import com.partnerline.reporting.ReportOverview.PartnerRow;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor's reporting API: forecast versus actual per partner (and product) for a
 * month with the missing and late reports, and sales by partner, product and month.
 * JSON, or CSV with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@RestController
@RequestMapping("/api/v1/admin/vendors/{vendor}/reports")
class AdminReportsApiController {

	static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final VendorAccess access;

	private final ReportOverview overview;

	private final ReportCalendar calendar;

	AdminReportsApiController(VendorAccess access, ReportOverview overview, ReportCalendar calendar) {
		this.access = access;
		this.overview = overview;
		this.calendar = calendar;
	}

	@GetMapping(path = "/forecast-vs-actual", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	ResponseEntity<?> forecastVsActual(@PathVariable String vendor, @RequestParam(required = false) String month,
			@RequestParam(required = false) String format,
			@org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
		Vendor found = access.requireManaged(vendor);
		YearMonth target = Months.parseOr(month, "month", calendar.currentMonth(found));
		ForecastVsActual report = overview.forecastVsActual(found, target);
		String currency = found.currency().getCurrencyCode();
		if (wantsCsv(format, accept)) {
			return csv("forecast-vs-actual-" + found.slug() + "-" + target, CsvTables.forecastVsActual(report, currency));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("vendor", found.slug());
		body.put("month", target.toString());
		body.put("currency", currency);
		body.put("totalForecast", PartnerReporting.decimal(report.totalForecast()));
		body.put("totalActual", CsvTables.money(report.totalActual()));
		body.put("partners", report.partners().stream().map(AdminReportsApiController::partner).toList());
		body.put("missing", report.missing()
			.stream()
			.map(m -> Map.of("partnerId", m.partnerId().toString(), "name", m.name(), "report", m.type().name(),
					"month", m.month().toString(), "dueOn", m.dueOn().toString(), "overdue", m.overdue()))
			.toList());
		body.put("late", report.late()
			.stream()
			.map(l -> Map.of("partnerId", l.partnerId().toString(), "name", l.name(), "report", l.type().name(),
					"month", l.month().toString(), "dueOn", l.dueOn().toString(), "submittedAt",
					ApiTimes.of(l.submittedAt(), found)))
			.toList());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	@GetMapping(path = "/sales", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	ResponseEntity<?> sales(@PathVariable String vendor, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format,
			@org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
		Vendor found = access.requireManaged(vendor);
		YearMonth last = Months.parseOr(to, "to", calendar.currentMonth(found));
		YearMonth first = Months.parseOr(from, "from", last.minusMonths(5));
		if (first.isAfter(last) || first.plusMonths(36).isBefore(last)) {
			throw ApiProblem.invalidField("from", "reporting.range.invalid");
		}
		var rows = overview.sales(found, first, last);
		String currency = found.currency().getCurrencyCode();
		if (wantsCsv(format, accept)) {
			return csv("sales-" + found.slug() + "-" + first + "-" + last, CsvTables.sales(rows, currency));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("vendor", found.slug(), "from", first.toString(), "to", last.toString(), "currency", currency,
					"rows",
					rows.stream()
						.map(r -> Map.of("month", r.month().toString(), "partnerId", r.partnerId().toString(), "name",
								r.name(), "sku", r.sku(), "quantity", r.quantity(), "amount", CsvTables.money(r.amount())))
						.toList()));
	}

	private static Map<String, Object> partner(PartnerRow row) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("partnerId", row.partnerId().toString());
		view.put("name", row.name());
		view.put("type", row.type());
		view.put("forecast", row.forecast() == null ? null : PartnerReporting.decimal(row.forecast()));
		view.put("actual", row.actual().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
		view.put("ratio", row.ratio() == null ? null : row.ratio().toPlainString());
		view.put("forecastLate", row.forecastLate());
		view.put("products", row.products()
			.stream()
			.map(p -> Map.of("sku", p.sku(), "forecastQuantity", p.forecastQuantity(), "actualQuantity",
					p.actualQuantity(), "actualAmount", CsvTables.money(p.actualAmount())))
			.toList());
		return view;
	}

	static boolean wantsCsv(String format, String accept) {
		return "csv".equalsIgnoreCase(format) || (accept != null && accept.contains("text/csv"));
	}

	static ResponseEntity<String> csv(String name, String content) {
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
			.body(content);
	}

	static List<String> tables() {
		return CsvTables.TABLES;
	}

}
