package com.partnerline.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Product;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.Periods;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.reporting.Reports.Forecast;
import com.partnerline.reporting.Reports.ForecastLine;
import com.partnerline.reporting.Reports.Sales;
import com.partnerline.reporting.Reports.SalesLine;
import com.partnerline.reporting.SalesLines.Checked;
import com.partnerline.reporting.SalesLines.Raw;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing the monthly reports. A forecast may be replaced until its month starts; a
 * first forecast filed after that is kept and marked late, a replacement is refused.
 * A sales report is accepted only from Internet Partners with SELF order processing,
 * for a month that has started and is not closed; its lines become the partner's
 * orders of the month, and a replacement replaces exactly those orders. Either every
 * line is good and everything is stored in one transaction, or nothing is.
 */
@Service
class PartnerReporting {

	static final String FORECASTS = "forecast_reports";

	static final String SALES = "sales_reports";

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");

	private static final Pattern QUANTITY = Pattern.compile("\\d{1,7}");

	private final ReportStore store;

	private final ReportCalendar calendar;

	private final CatalogManagement catalog;

	private final Periods periods;

	private final OrderLink orders;

	private final ReportTexts texts;

	private final ReportingSettings settings;

	private final Clock clock;

	PartnerReporting(ReportStore store, ReportCalendar calendar, CatalogManagement catalog, Periods periods,
			OrderLink orders, ReportTexts texts, ReportingSettings settings, Clock clock) {
		this.store = store;
		this.calendar = calendar;
		this.catalog = catalog;
		this.periods = periods;
		this.orders = orders;
		this.texts = texts;
		this.settings = settings;
		this.clock = clock;
	}

	/** A forecast as submitted, values as text. */
	record ForecastDraft(@Nullable String anticipatedVolume, @Nullable List<ForecastLineDraft> lines) {
	}

	record ForecastLineDraft(@Nullable String sku, @Nullable String quantity) {
	}

	record ForecastSaved(Forecast forecast, boolean replaced) {
	}

	record SalesSaved(Sales report, List<SalesLine> lines, boolean replaced) {
	}

	/** How the lines of a submission are named in errors: JSON paths, or CSV line numbers. */
	enum Naming {

		JSON, LINES

	}

	/** A checked sales report that was not stored: what the preview shows. */
	record Preview(YearMonth month, List<Checked> lines, BigDecimal total, int badLines, @Nullable String refusal) {

		boolean submittable() {
			return badLines == 0 && refusal == null;
		}

	}

	@Transactional
	ForecastSaved submitForecast(Vendor vendor, PartnerId partnerId, YearMonth month, ForecastDraft draft) {
		YearMonth current = calendar.currentMonth(vendor);
		if (month.isBefore(current)) {
			throw ApiProblem.unprocessable("reporting.forecast.monthOver", month.toString());
		}
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal volume = null;
		String volumeText = draft.anticipatedVolume() == null ? "" : draft.anticipatedVolume().strip();
		if (volumeText.isEmpty()) {
			problems.add(new FieldProblem("anticipatedVolume", texts.text("validation.required")));
		}
		else if (!DECIMAL.matcher(volumeText).matches()) {
			problems.add(new FieldProblem("anticipatedVolume", texts.text("reporting.forecast.volume")));
		}
		else {
			volume = new BigDecimal(volumeText);
		}
		Map<String, String> products = products(vendor);
		List<ForecastLine> lines = new ArrayList<>();
		List<ForecastLineDraft> drafts = draft.lines() == null ? List.of() : draft.lines();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			ForecastLineDraft line = drafts.get(i);
			String field = "lines[" + i + "]";
			if (line == null) {
				problems.add(new FieldProblem(field, texts.text("validation.required")));
				continue;
			}
			String sku = line.sku() == null ? "" : line.sku().strip();
			String canonical = products.get(sku.toUpperCase(Locale.ROOT));
			if (sku.isEmpty()) {
				problems.add(new FieldProblem(field + ".sku", texts.text("validation.required")));
			}
			else if (canonical == null) {
				problems.add(new FieldProblem(field + ".sku", texts.text("reporting.line.unknownSku", sku)));
			}
			else if (!seen.add(canonical)) {
				problems.add(new FieldProblem(field + ".sku", texts.text("reporting.forecast.skuTwice", canonical)));
			}
			String quantity = line.quantity() == null ? "" : line.quantity().strip();
			if (quantity.isEmpty()) {
				problems.add(new FieldProblem(field + ".quantity", texts.text("validation.required")));
			}
			else if (!QUANTITY.matcher(quantity).matches() || Integer.parseInt(quantity) < 1) {
				problems.add(new FieldProblem(field + ".quantity",
						texts.text("reporting.line.quantity", quantity, 9_999_999)));
			}
			else if (canonical != null) {
				lines.add(new ForecastLine(canonical, Integer.parseInt(quantity)));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		store.lock(vendor.id(), partnerId, month, ReportType.FORECAST);
		boolean started = !month.isAfter(current);
		boolean replacing = store.currentForecast(vendor.id(), partnerId, month).isPresent();
		if (replacing && started) {
			throw ApiProblem.unprocessable("reporting.forecast.replaceStarted", month.toString());
		}
		Instant now = clock.instant();
		int version = store.nextVersion(FORECASTS, vendor.id(), partnerId, month);
		store.markReplaced(FORECASTS, vendor.id(), partnerId, month, now);
		store.insertForecast(vendor.id(), partnerId, month, version, volume, vendor.currency(), started, now, lines);
		return new ForecastSaved(store.currentForecast(vendor.id(), partnerId, month).orElseThrow(), replacing);
	}

	/** Checks a sales report without storing anything. */
	Preview preview(Vendor vendor, PartnerId partnerId, YearMonth month, List<Raw> lines) {
		String refusal = null;
		try {
			requireSalesAllowed(vendor, partnerId, month);
		}
		catch (ApiProblem problem) {
			refusal = texts.text(problem.messageKey(), problem.arguments());
		}
		List<Checked> checked = SalesLines.check(lines, products(vendor), texts);
		BigDecimal total = checked.stream()
			.filter(Checked::ok)
			.map(c -> c.good().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		int bad = (int) checked.stream().filter(c -> !c.ok()).count();
		return new Preview(month, checked, total, bad, refusal);
	}

	@Transactional
	SalesSaved submitSales(Vendor vendor, PartnerId partnerId, YearMonth month, List<Raw> lines, String source,
			Naming naming) {
		requireSalesAllowed(vendor, partnerId, month);
		if (lines.size() > settings.maxLinesOrDefault()) {
			throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "reporting.sales.tooManyLines",
					new Object[] { settings.maxLinesOrDefault() }, List.of());
		}
		List<Checked> checked = SalesLines.check(lines, products(vendor), texts);
		List<FieldProblem> problems = new ArrayList<>();
		for (Checked line : checked) {
			if (line.ok()) {
				continue;
			}
			if (naming == Naming.LINES) {
				problems.add(new FieldProblem("line " + line.raw().line(), line.summary()));
			}
			else {
				line.problems()
					.forEach(p -> problems.add(new FieldProblem(SalesLines.jsonField(line.raw().line() - 1, p.column()),
							p.message())));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		List<SalesLine> good = checked.stream().map(Checked::good).toList();
		BigDecimal total = good.stream().map(SalesLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		store.lock(vendor.id(), partnerId, month, ReportType.SALES);
		boolean replacing = store.currentSales(vendor.id(), partnerId, month).isPresent();
		Instant now = clock.instant();
		LocalDate today = calendar.today(vendor);
		int version = store.nextVersion(SALES, vendor.id(), partnerId, month);
		store.markReplaced(SALES, vendor.id(), partnerId, month, now);
		long id = store.insertSales(vendor.id(), partnerId, month, version, source, total, vendor.currency(),
				today.isAfter(calendar.salesDue(month)), now, good);
		orders.replaceReportedOrders(vendor, partnerId, month, id, good, occurredAt(vendor, month, now));
		return new SalesSaved(store.currentSales(vendor.id(), partnerId, month).orElseThrow(), good, replacing);
	}

	/** Refuses a sales report the partner may not file: not SELF, a month to come, a closed month. */
	void requireSalesAllowed(Vendor vendor, PartnerId partnerId, YearMonth month) {
		if (!calendar.reportsOwnSales(vendor, partnerId, month)) {
			throw ApiProblem.unprocessable("reporting.sales.notSelf");
		}
		if (month.isAfter(calendar.currentMonth(vendor))) {
			throw ApiProblem.unprocessable("reporting.sales.futureMonth", month.toString());
		}
		if (periods.isClosed(vendor.id(), month)) {
			throw ApiProblem.unprocessable("reporting.sales.monthClosed", month.toString());
		}
	}

	/** Reported sales are dated now, or at the month's last second when it has ended. */
	static Instant occurredAt(Vendor vendor, YearMonth month, Instant now) {
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(vendor.timeZone()).toInstant().minusSeconds(1);
		return now.isAfter(end) ? end : now;
	}

	/** The vendor's SKUs keyed by their upper-case form. */
	Map<String, String> products(Vendor vendor) {
		Map<String, String> products = new LinkedHashMap<>();
		for (Product product : catalog.products(vendor.id())) {
			products.put(product.sku().toUpperCase(Locale.ROOT), product.sku());
		}
		return products;
	}

	static String decimal(BigDecimal value) {
		BigDecimal scaled = value.stripTrailingZeros().scale() < 2 ? value.setScale(2, RoundingMode.HALF_EVEN)
				: value.stripTrailingZeros();
		return scaled.toPlainString();
	}

}
