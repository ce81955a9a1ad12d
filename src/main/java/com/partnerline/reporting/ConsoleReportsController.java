package com.partnerline.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.Formats;
import com.partnerline.reporting.ReportOverview.ForecastVsActual;
import com.partnerline.reporting.ReportOverview.SalesRow;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The vendor console's reports: forecast versus actual per partner and product for a
 * month, missing and late reports, sales by partner, product and month with charts,
 * and every table as CSV.
 */
@Controller
@RequestMapping("/console/reports/{vendor}")
class ConsoleReportsController {

	private final VendorAccess access;

	private final ReportOverview overview;

	private final ReportCalendar calendar;

	private final ReportTexts texts;

	ConsoleReportsController(VendorAccess access, ReportOverview overview, ReportCalendar calendar,
			ReportTexts texts) {
		this.access = access;
		this.overview = overview;
		this.calendar = calendar;
		this.texts = texts;
	}

	@GetMapping
	String reports(@PathVariable String vendor, @RequestParam(required = false) @Nullable String month,
			Model model) {
		Vendor found = access.requireManaged(vendor);
		YearMonth target = month(found, month);
		ForecastVsActual report = overview.forecastVsActual(found, target);
		List<SalesRow> sales = overview.sales(found, target.minusMonths(5), target);
		model.addAttribute("vendor", found);
		model.addAttribute("month", target);
		model.addAttribute("report", report);
		model.addAttribute("sales", sales);
		model.addAttribute("currency", found.currency().getCurrencyCode());
		model.addAttribute("tables", CsvTables.TABLES);
		model.addAttribute("fvaChart", Charts.bars(report.partners().stream().map(p -> p.name()).toList(),
				List.of(new Charts.Series(texts.text("reports.chart.forecast"),
						report.partners()
							.stream()
							.map(p -> p.forecast() == null ? BigDecimal.ZERO : p.forecast())
							.toList()),
						new Charts.Series(texts.text("reports.chart.actual"),
								report.partners().stream().map(p -> p.actual().setScale(2, RoundingMode.HALF_EVEN)).toList())),
				false));
		model.addAttribute("salesChart", salesChart(target, sales));
		return "reports/console";
	}

	@GetMapping("/export/{table}.csv")
	ResponseEntity<String> export(@PathVariable String vendor, @PathVariable String table,
			@RequestParam(required = false) @Nullable String month) {
		Vendor found = access.requireManaged(vendor);
		YearMonth target = month(found, month);
		String currency = found.currency().getCurrencyCode();
		String name = table + "-" + found.slug() + "-" + target;
		return switch (table) {
			case "forecast-vs-actual" ->
				AdminReportsApiController.csv(name, CsvTables.forecastVsActual(overview.forecastVsActual(found, target), currency));
			case "products" ->
				AdminReportsApiController.csv(name, CsvTables.products(overview.forecastVsActual(found, target), currency));
			case "missing" -> AdminReportsApiController.csv(name, CsvTables.missing(overview.forecastVsActual(found, target)));
			case "late" -> AdminReportsApiController.csv(name, CsvTables.late(overview.forecastVsActual(found, target)));
			// the export of one month is that month's sales (the page's chart shows six months)
			case "sales" -> AdminReportsApiController.csv(name, CsvTables.sales(overview.sales(found, target, target), currency));
			default -> throw ApiProblem.notFound("reports.table.unknown", table);
		};
	}

	private YearMonth month(Vendor vendor, @Nullable String month) {
		try {
			return Months.parseOr(month, "month", calendar.currentMonth(vendor));
		}
		catch (ApiProblem problem) {
			return calendar.currentMonth(vendor);
		}
	}

	/** Sales per month, one stacked series per product. */
	private String salesChart(YearMonth last, List<SalesRow> sales) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = last.minusMonths(5); !m.isAfter(last); m = m.plusMonths(1)) {
			months.add(m);
		}
		Map<String, Map<YearMonth, BigDecimal>> bySku = new TreeMap<>();
		for (SalesRow row : sales) {
			bySku.computeIfAbsent(row.sku(), k -> new TreeMap<>()).merge(row.month(), row.amount(), BigDecimal::add);
		}
		List<Charts.Series> series = new ArrayList<>();
		for (String sku : new TreeSet<>(bySku.keySet())) {
			series.add(new Charts.Series(sku, months.stream()
				.map(m -> bySku.get(sku).getOrDefault(m, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN))
				.toList()));
		}
		return Charts.bars(months.stream().map(m -> Formats.month(m, LocaleContextHolder.getLocale())).toList(),
				series, true);
	}

}
