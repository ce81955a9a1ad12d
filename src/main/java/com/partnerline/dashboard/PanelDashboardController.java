package com.partnerline.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.CommissionManagement;
import com.partnerline.commissions.PayoutBatch;
import com.partnerline.commissions.Statement;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.CsvWriter;
import com.partnerline.kernel.DateRange;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.orders.OrderManagement;
import com.partnerline.orders.OrderPage;
import com.partnerline.orders.OrderQuery;
import com.partnerline.orders.OrderRow;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.tracking.ClickDay;
import com.partnerline.tracking.Link;
import com.partnerline.tracking.TrackingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partner's dashboard for one program: KPIs of a chosen period, the band this month
 * and what is missing to the next, the balance carried forward, per-link figures,
 * transactions with their status, payout history, and each table as CSV. Only the
 * calling partner's own data is read.
 */
@Controller
class PanelDashboardController {

	private static final int PAGE_SIZE = 20;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final OrderManagement orders;

	private final TrackingManagement tracking;

	private final CommissionManagement commissions;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	private final Clock clock;

	PanelDashboardController(PartnerManagement partners, CatalogManagement catalog, OrderManagement orders,
			TrackingManagement tracking, CommissionManagement commissions, PublicUrl publicUrl, MessageSource messages,
			Clock clock) {
		this.partners = partners;
		this.catalog = catalog;
		this.orders = orders;
		this.tracking = tracking;
		this.commissions = commissions;
		this.publicUrl = publicUrl;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/panel/programs/{vendor}/dashboard")
	String dashboard(@PathVariable String vendor, @RequestParam(required = false) @Nullable String range,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		PartnerId partnerId = membership.partnerId();
		LocalDate today = LocalDate.now(clock.withZone(found.timeZone()));
		DateRange period;
		try {
			period = DateRange.of(range, from, to, today);
		}
		catch (ApiProblem problem) {
			model.addAttribute("rangeErrors",
					problem.fieldMessages(messages, LocaleContextHolder.getLocale()));
			period = DateRange.of(null, null, null, today);
		}
		List<ClickDay> clickDays = tracking.dailyClicks(found, partnerId, period.from(), period.to());
		List<OrderRow> rows = allOrders(found, partnerId, period);
		Kpis kpis = kpis(clickDays, rows);
		CommissionManagement.BandProgress progress = commissions.progress(found, partnerId);
		List<Statement> statements = commissions.statementsOf(found.id(), partnerId);
		Statuses statuses = new Statuses(found);

		model.addAttribute("vendor", found);
		// the partner's other programs, for the switcher (the panel's home shows the first)
		model.addAttribute("programs", partners.memberships(partnerId)
			.stream()
			.filter(Membership::isActive)
			.map(m -> catalog.findVendor(m.vendorId()))
			.flatMap(Optional::stream)
			.toList());
		model.addAttribute("currency", found.currency().getCurrencyCode());
		model.addAttribute("membership", membership);
		model.addAttribute("partnerCode", partners.currentPartner().code());
		model.addAttribute("period", period);
		model.addAttribute("presets", DateRange.PRESETS);
		model.addAttribute("kpis", kpis);
		model.addAttribute("progress", progress);
		model.addAttribute("carriedForward", statements.isEmpty() ? null : statements.get(0).carriedForward());
		model.addAttribute("links", links(found, partnerId, clickDays));
		int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(Math.max(page, 0), pages - 1);
		model.addAttribute("transactions", rows.subList(Math.min(shown * PAGE_SIZE, rows.size()),
				Math.min((shown + 1) * PAGE_SIZE, rows.size())).stream().map(r -> transaction(r, statuses)).toList());
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		model.addAttribute("payouts", payouts(statements, statuses));
		model.addAttribute("chart", chart(period, clickDays, rows, found.timeZone()));
		return "dashboard/panel";
	}

	@GetMapping("/panel/programs/{vendor}/dashboard/{table}.csv")
	ResponseEntity<String> csv(@PathVariable String vendor, @PathVariable String table,
			@RequestParam(required = false) @Nullable String range, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		Vendor found = catalog.vendor(vendor);
		PartnerId partnerId = partners.currentMembership(found).partnerId();
		DateRange period = DateRange.of(range, from, to, LocalDate.now(clock.withZone(found.timeZone())));
		Statuses statuses = new Statuses(found);
		StringBuilder out = new StringBuilder();
		switch (table) {
			case "transactions" -> {
				try (CsvWriter csv = new CsvWriter(out, "order_id", "occurred_at", "month", "amount", "refunded",
						"currency", "status")) {
					for (OrderRow row : allOrders(found, partnerId, period)) {
						Transaction t = transaction(row, statuses);
						csv.row(t.orderId(), Formats.isoDateTime(row.occurredAt(), found.timeZone()), row.period(), t.amount(), t.refunded(),
								found.currency().getCurrencyCode(), t.status());
					}
				}
			}
			case "links" -> {
				try (CsvWriter csv = new CsvWriter(out, "link", "target", "sub_id", "clicks", "counted_clicks")) {
					for (LinkFigures link : links(found, partnerId,
							tracking.dailyClicks(found, partnerId, period.from(), period.to()))) {
						csv.row(link.url(), link.targetUrl(), link.subId(), link.clicks(), link.counted());
					}
				}
			}
			case "payouts" -> {
				try (CsvWriter csv = new CsvWriter(out, "month", "commission", "adjustments", "brought_forward",
						"payable", "carried_forward", "currency", "status")) {
					for (Payout p : payouts(commissions.statementsOf(found.id(), partnerId), statuses)) {
						Statement s = p.statement();
						csv.row(s.month(), s.commission(), s.adjustments(), s.broughtForward(), s.payable(),
								s.carriedForward(), s.currency().getCurrencyCode(), p.status());
					}
				}
			}
			default -> throw ApiProblem.notFound("dashboard.tableNotFound", table);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + table + "-" + found.slug() + "-" + period.from() + "-" + period.to()
							+ ".csv\"")
			.body(out.toString());
	}

	private List<OrderRow> allOrders(Vendor vendor, PartnerId partnerId, DateRange period) {
		OrderPage result = orders.orders(vendor,
				new OrderQuery(period.from(), period.to(), partnerId, null, null, "occurredAt", true, 0, 10_000));
		return result.rows();
	}

	static Kpis kpis(List<ClickDay> clickDays, List<OrderRow> rows) {
		long clicks = clickDays.stream().mapToLong(ClickDay::clicks).sum();
		long counted = clickDays.stream().mapToLong(ClickDay::counted).sum();
		long orderCount = rows.stream().filter(r -> !r.selfReferral()).count();
		BigDecimal sales = rows.stream()
			.filter(r -> !r.selfReferral())
			.map(r -> r.amount().amount().subtract(r.refunded()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal conversion = counted == 0 ? null
				: BigDecimal.valueOf(orderCount).divide(BigDecimal.valueOf(counted), 4, RoundingMode.HALF_EVEN);
		return new Kpis(clicks, counted, orderCount, conversion, sales);
	}

	private List<LinkFigures> links(Vendor vendor, PartnerId partnerId, List<ClickDay> clickDays) {
		Map<String, long[]> bySubId = new HashMap<>();
		for (ClickDay day : clickDays) {
			long[] f = bySubId.computeIfAbsent(day.subId() == null ? "" : day.subId(), k -> new long[2]);
			f[0] += day.clicks();
			f[1] += day.counted();
		}
		List<LinkFigures> result = new ArrayList<>();
		for (Link link : tracking.links(vendor.id(), partnerId)) {
			long[] f = bySubId.remove(link.subId() == null ? "" : link.subId());
			result.add(new LinkFigures(link.code(), publicUrl.link("/r/" + link.code()), link.targetUrl(), link.subId(),
					f == null ? 0 : f[0], f == null ? 0 : f[1]));
		}
		return result;
	}

	private static Transaction transaction(OrderRow row, Statuses statuses) {
		String status = row.selfReferral() ? "SELF_REFERRAL" : statuses.of(row.period());
		return new Transaction(row.orderId(), row.occurredAt(), row.amount().amount(), row.refunded(), status);
	}

	private static List<Payout> payouts(List<Statement> statements, Statuses statuses) {
		return statements.stream()
			.map(s -> new Payout(s, s.payable().signum() > 0 ? statuses.of(s.month()) : "CARRIED_FORWARD"))
			.toList();
	}

	private static Map<String, Object> chart(DateRange period, List<ClickDay> clickDays, List<OrderRow> rows,
			java.time.ZoneId zone) {
		Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
		for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
			perDay.put(d, new long[3]);
		}
		for (ClickDay day : clickDays) {
			long[] f = perDay.get(day.day());
			if (f != null) {
				f[0] += day.clicks();
				f[1] += day.counted();
			}
		}
		Map<LocalDate, Long> orderDays = new HashMap<>();
		for (OrderRow row : rows) {
			if (!row.selfReferral()) {
				orderDays.merge(LocalDate.ofInstant(row.occurredAt(), zone), 1L, Long::sum);
			}
		}
		orderDays.forEach((day, count) -> {
			long[] f = perDay.get(day);
			if (f != null) {
				f[2] += count;
			}
		});
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", perDay.keySet().stream().map(LocalDate::toString).toList());
		chart.put("clicks", perDay.values().stream().map(f -> f[0]).toList());
		chart.put("counted", perDay.values().stream().map(f -> f[1]).toList());
		chart.put("orders", perDay.values().stream().map(f -> f[2]).toList());
		return chart;
	}

	/**
	 * Where an order's commission stands: {@code PENDING} while its month is open,
	 * {@code ON_STATEMENT} once the month is closed, {@code PAID} once the month's payout
	 * batch is paid. Months are looked up once per page.
	 */
	final class Statuses {

		private final Vendor vendor;

		private final Map<YearMonth, String> byMonth = new HashMap<>();

		Statuses(Vendor vendor) {
			this.vendor = vendor;
		}

		String of(YearMonth month) {
			return byMonth.computeIfAbsent(month, m -> {
				if (!commissions.isClosed(vendor.id(), m)) {
					return "PENDING";
				}
				Optional<PayoutBatch> batch = commissions.payoutBatchId(vendor.id(), m)
					.flatMap(id -> commissions.payoutBatch(vendor.id(), id));
				return batch.filter(b -> "PAID".equals(b.status())).isPresent() ? "PAID" : "ON_STATEMENT";
			});
		}

	}

	record Kpis(long clicks, long counted, long orders, @Nullable BigDecimal conversion, BigDecimal sales) {
	}

	record LinkFigures(String code, String url, String targetUrl, @Nullable String subId, long clicks, long counted) {
	}

	record Transaction(String orderId, java.time.Instant occurredAt, BigDecimal amount, BigDecimal refunded,
			String status) {
	}

	record Payout(Statement statement, String status) {
	}

}
