package com.partnerline.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.reporting.Reports.Forecast;
import com.partnerline.reporting.Reports.ForecastQuantity;
import com.partnerline.reporting.Reports.ProductSales;
import com.partnerline.reporting.Reports.Sales;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/** Read side: what a partner has due, forecast versus actual, sales by partner, product and month. */
@Service
class ReportOverview {

	private final ReportStore store;

	private final ReportCalendar calendar;

	private final PartnerManagement partners;

	private final OrderLink orders;

	ReportOverview(ReportStore store, ReportCalendar calendar, PartnerManagement partners, OrderLink orders) {
		this.store = store;
		this.calendar = calendar;
		this.partners = partners;
		this.orders = orders;
	}

	enum Status {

		/** Filed on time. */
		SUBMITTED,
		/** Filed after its due date. */
		LATE,
		/** Not filed yet, due date still ahead. */
		DUE,
		/** Not filed, due date passed. */
		OVERDUE,
		/** Not required of this partner and not filed. */
		OPTIONAL

	}

	record DueItem(ReportType type, YearMonth month, LocalDate dueOn, Status status, boolean required) {
	}

	/** The partner's reports around today: this and next month's forecasts, last and this month's sales reports. */
	List<DueItem> dueItems(Vendor vendor, Membership membership) {
		LocalDate today = calendar.today(vendor);
		YearMonth current = YearMonth.from(today);
		List<DueItem> items = new ArrayList<>();
		for (YearMonth month : List.of(current.plusMonths(1), current)) {
			Optional<Forecast> forecast = store.currentForecast(vendor.id(), membership.partnerId(), month);
			items.add(item(ReportType.FORECAST, month, ReportCalendar.forecastDue(month), today,
					calendar.forecastRequired(vendor, membership, month), forecast.map(Forecast::late)));
		}
		for (YearMonth month : List.of(current, current.minusMonths(1))) {
			if (calendar.reportsOwnSales(membership, month, today)) {
				Optional<Sales> sales = store.currentSales(vendor.id(), membership.partnerId(), month);
				items.add(item(ReportType.SALES, month, calendar.salesDue(month), today, true, sales.map(Sales::late)));
			}
		}
		return items;
	}

	private static DueItem item(ReportType type, YearMonth month, LocalDate due, LocalDate today, boolean required,
			Optional<Boolean> filedLate) {
		Status status;
		if (filedLate.isPresent()) {
			status = filedLate.get() ? Status.LATE : Status.SUBMITTED;
		}
		else if (!required) {
			status = Status.OPTIONAL;
		}
		else {
			status = today.isAfter(due) ? Status.OVERDUE : Status.DUE;
		}
		return new DueItem(type, month, due, status, required);
	}

	record ProductRow(String sku, long forecastQuantity, long actualQuantity, BigDecimal actualAmount) {
	}

	record PartnerRow(PartnerId partnerId, String name, String code, String type, @Nullable BigDecimal forecast,
			BigDecimal actual, @Nullable BigDecimal ratio, @Nullable Instant forecastSubmittedAt, boolean forecastLate,
			List<ProductRow> products) {
	}

	record MissingRow(PartnerId partnerId, String name, ReportType type, YearMonth month, LocalDate dueOn,
			boolean overdue) {
	}

	record LateRow(PartnerId partnerId, String name, ReportType type, YearMonth month, LocalDate dueOn,
			Instant submittedAt) {
	}

	record ForecastVsActual(YearMonth month, List<PartnerRow> partners, List<MissingRow> missing, List<LateRow> late,
			BigDecimal totalForecast, BigDecimal totalActual) {
	}

	/**
	 * Per partner: the current forecast, the actual volume (orders attributed to it in
	 * the month) and their ratio, per product too; the reports missing and filed late.
	 */
	ForecastVsActual forecastVsActual(Vendor vendor, YearMonth month) {
		LocalDate today = calendar.today(vendor);
		List<Membership> members = partners.membersOf(vendor.id());
		Map<PartnerId, Membership> memberships = new HashMap<>();
		members.forEach(m -> memberships.put(m.partnerId(), m));
		Map<PartnerId, Forecast> forecasts = new HashMap<>();
		store.currentForecasts(vendor.id(), month).forEach(f -> forecasts.put(f.partnerId(), f));
		Map<PartnerId, BigDecimal> actuals = orders.volumes(vendor.id(), month);
		Map<PartnerId, Map<String, long[]>> forecastQuantities = new HashMap<>();
		for (ForecastQuantity q : store.currentForecastQuantities(vendor.id(), month)) {
			forecastQuantities.computeIfAbsent(q.partnerId(), k -> new TreeMap<>()).put(q.sku(), new long[] { q.quantity() });
		}
		Map<PartnerId, Map<String, ProductSales>> productActuals = new HashMap<>();
		for (ProductSales s : orders.productSales(vendor.id(), month, month)) {
			productActuals.computeIfAbsent(s.partnerId(), k -> new TreeMap<>()).put(s.sku(), s);
		}
		Set<PartnerId> ids = new LinkedHashSet<>();
		members.stream().filter(ReportCalendar::forecastRequired).forEach(m -> ids.add(m.partnerId()));
		ids.addAll(forecasts.keySet());
		actuals.forEach((id, volume) -> {
			if (volume.signum() != 0) {
				ids.add(id);
			}
		});
		Names names = new Names(partners);
		List<PartnerRow> rows = new ArrayList<>();
		BigDecimal totalForecast = BigDecimal.ZERO;
		BigDecimal totalActual = BigDecimal.ZERO;
		for (PartnerId id : ids) {
			Forecast forecast = forecasts.get(id);
			BigDecimal actual = actuals.getOrDefault(id, BigDecimal.ZERO);
			BigDecimal ratio = forecast == null || forecast.anticipatedVolume().signum() == 0 ? null
					: actual.divide(forecast.anticipatedVolume(), 4, RoundingMode.HALF_EVEN);
			Set<String> skus = new java.util.TreeSet<>();
			skus.addAll(forecastQuantities.getOrDefault(id, Map.of()).keySet());
			skus.addAll(productActuals.getOrDefault(id, Map.of()).keySet());
			List<ProductRow> products = skus.stream().map(sku -> {
				long[] forecastQuantity = forecastQuantities.getOrDefault(id, Map.of()).get(sku);
				ProductSales sold = productActuals.getOrDefault(id, Map.of()).get(sku);
				return new ProductRow(sku, forecastQuantity == null ? 0 : forecastQuantity[0],
						sold == null ? 0 : sold.quantity(), sold == null ? BigDecimal.ZERO : sold.amount());
			}).toList();
			Membership membership = memberships.get(id);
			rows.add(new PartnerRow(id, names.name(id), names.code(id),
					membership == null ? "" : membership.type().name(),
					forecast == null ? null : forecast.anticipatedVolume(), actual, ratio,
					forecast == null ? null : forecast.submittedAt(), forecast != null && forecast.late(), products));
			if (forecast != null) {
				totalForecast = totalForecast.add(forecast.anticipatedVolume());
			}
			totalActual = totalActual.add(actual);
		}
		rows.sort(Comparator.comparing(PartnerRow::name, String.CASE_INSENSITIVE_ORDER));
		List<MissingRow> missing = new ArrayList<>();
		List<LateRow> late = new ArrayList<>();
		Map<PartnerId, Sales> sales = new HashMap<>();
		store.currentSalesReports(vendor.id(), month).forEach(s -> sales.put(s.partnerId(), s));
		YearMonth current = YearMonth.from(today);
		for (Membership m : members) {
			if (!forecasts.containsKey(m.partnerId()) && calendar.forecastRequired(vendor, m, month)) {
				LocalDate due = ReportCalendar.forecastDue(month);
				missing.add(new MissingRow(m.partnerId(), names.name(m.partnerId()), ReportType.FORECAST, month, due,
						today.isAfter(due)));
			}
			if (!month.isAfter(current) && !sales.containsKey(m.partnerId())
					&& calendar.reportsOwnSales(m, month, today)) {
				LocalDate due = calendar.salesDue(month);
				missing.add(new MissingRow(m.partnerId(), names.name(m.partnerId()), ReportType.SALES, month, due,
						today.isAfter(due)));
			}
		}
		forecasts.values()
			.stream()
			.filter(Forecast::late)
			.forEach(f -> late.add(new LateRow(f.partnerId(), names.name(f.partnerId()), ReportType.FORECAST, month,
					ReportCalendar.forecastDue(month), f.submittedAt())));
		sales.values()
			.stream()
			.filter(Sales::late)
			.forEach(s -> late.add(new LateRow(s.partnerId(), names.name(s.partnerId()), ReportType.SALES, month,
					calendar.salesDue(month), s.submittedAt())));
		missing.sort(Comparator.comparing(MissingRow::name, String.CASE_INSENSITIVE_ORDER));
		late.sort(Comparator.comparing(LateRow::name, String.CASE_INSENSITIVE_ORDER));
		return new ForecastVsActual(month, rows, missing, late, totalForecast, totalActual);
	}

	record SalesRow(PartnerId partnerId, String name, YearMonth month, String sku, long quantity, BigDecimal amount) {
	}

	/** Sales by partner, product and month, {@code from} to {@code to}. */
	List<SalesRow> sales(Vendor vendor, YearMonth from, YearMonth to) {
		Names names = new Names(partners);
		return orders.productSales(vendor.id(), from, to)
			.stream()
			.map(s -> new SalesRow(s.partnerId(), names.name(s.partnerId()), s.month(), s.sku(), s.quantity(),
					s.amount()))
			.sorted(Comparator.comparing(SalesRow::month)
				.thenComparing(SalesRow::name, String.CASE_INSENSITIVE_ORDER)
				.thenComparing(SalesRow::sku))
			.toList();
	}

	record MonthFigures(YearMonth month, @Nullable BigDecimal forecast, BigDecimal actual, @Nullable BigDecimal ratio) {
	}

	/** A partner's forecast and actual volume per month. */
	List<MonthFigures> partnerMonths(Vendor vendor, PartnerId partnerId, YearMonth from, YearMonth to) {
		Map<YearMonth, BigDecimal> forecasts = new HashMap<>();
		store.currentForecasts(vendor.id(), partnerId, from, to)
			.forEach(f -> forecasts.put(f.month(), f.anticipatedVolume()));
		List<MonthFigures> result = new ArrayList<>();
		orders.partnerVolumes(vendor.id(), partnerId, from, to).forEach((month, actual) -> {
			BigDecimal forecast = forecasts.get(month);
			BigDecimal ratio = forecast == null || forecast.signum() == 0 ? null
					: actual.divide(forecast, 4, RoundingMode.HALF_EVEN);
			result.add(new MonthFigures(month, forecast, actual, ratio));
		});
		return result;
	}

	/** Partner names, read once each. */
	static final class Names {

		private final PartnerManagement partners;

		private final Map<PartnerId, Optional<Partner>> cache = new HashMap<>();

		Names(PartnerManagement partners) {
			this.partners = partners;
		}

		String name(PartnerId id) {
			return partner(id).map(p -> p.company() != null && !p.company().isBlank() ? p.name() + " (" + p.company() + ")"
					: p.name()).orElse(id.toString());
		}

		String code(PartnerId id) {
			return partner(id).map(Partner::code).orElse("");
		}

		private Optional<Partner> partner(PartnerId id) {
			return cache.computeIfAbsent(id, partners::find);
		}

	}

}
