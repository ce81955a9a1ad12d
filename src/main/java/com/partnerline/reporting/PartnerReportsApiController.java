package com.partnerline.reporting;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.reporting.PartnerReporting.ForecastDraft;
import com.partnerline.reporting.PartnerReporting.ForecastSaved;
import com.partnerline.reporting.PartnerReporting.Naming;
import com.partnerline.reporting.PartnerReporting.Preview;
import com.partnerline.reporting.PartnerReporting.SalesSaved;
import com.partnerline.reporting.Reports.Forecast;
import com.partnerline.reporting.Reports.Sales;
import com.partnerline.reporting.Reports.SalesLine;
import com.partnerline.reporting.SalesLines.Raw;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner's reports over the API: file the forecast and the sales report (JSON
 * or CSV), preview a sales report, read its own reports and their history. A partner
 * only ever reads its own reports: every query is keyed by the caller's partner id.
 */
@RestController
@RequestMapping("/api/v1/partner/programs/{vendor}/reports")
class PartnerReportsApiController {

	static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final PartnerReporting reporting;

	private final ReportStore store;

	private final ReportOverview overview;

	private final ReportTexts texts;

	private final ReportCalendar calendar;

	PartnerReportsApiController(CatalogManagement catalog, PartnerManagement partners, PartnerReporting reporting,
			ReportStore store, ReportOverview overview, ReportTexts texts, ReportCalendar calendar) {
		this.calendar = calendar;
		this.catalog = catalog;
		this.partners = partners;
		this.reporting = reporting;
		this.store = store;
		this.overview = overview;
		this.texts = texts;
	}

	// forecast

	@PutMapping(path = "/forecast/{month}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ForecastView putForecast(@PathVariable String vendor, @PathVariable String month,
			@RequestBody ForecastRequest request) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		List<PartnerReporting.ForecastLineDraft> lines = request.lines() == null ? null
				: request.lines()
					.stream()
					.map(l -> l == null ? null : new PartnerReporting.ForecastLineDraft(l.sku(), l.quantity()))
					.toList();
		ForecastSaved saved = reporting.submitForecast(found, membership.partnerId(), target,
				new ForecastDraft(request.anticipatedVolume(), lines));
		return ForecastView.of(found, saved.forecast(), saved.replaced());
	}

	@GetMapping("/forecast/{month}")
	Map<String, Object> getForecast(@PathVariable String vendor, @PathVariable String month) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		List<Forecast> versions = store.forecastVersions(found.id(), membership.partnerId(), target);
		if (versions.isEmpty()) {
			throw ApiProblem.notFound("reporting.forecast.none", target.toString());
		}
		return Map.of("current", ForecastView.of(found, versions.get(0), versions.size() > 1), "history",
				versions.stream().map(v -> ForecastView.of(found, v, false)).toList());
	}

	// sales

	@PutMapping(path = "/sales/{month}", consumes = MediaType.APPLICATION_JSON_VALUE)
	SalesView putSalesJson(@PathVariable String vendor, @PathVariable String month,
			@RequestBody SalesRequest request) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		reporting.requireSalesAllowed(found, membership.partnerId(), target);
		SalesSaved saved = reporting.submitSales(found, membership.partnerId(), target, jsonLines(request), "JSON",
				Naming.JSON);
		return SalesView.of(found, saved.report(), saved.lines(), saved.replaced());
	}

	@PutMapping(path = "/sales/{month}", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	SalesView putSalesCsv(@PathVariable String vendor, @PathVariable String month, @RequestBody byte[] body,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		reporting.requireSalesAllowed(found, membership.partnerId(), target);
		List<Raw> lines = csvLines(body, contentType);
		SalesSaved saved = reporting.submitSales(found, membership.partnerId(), target, lines, "CSV", Naming.LINES);
		return SalesView.of(found, saved.report(), saved.lines(), saved.replaced());
	}

	@PostMapping(path = "/sales/{month}/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
	PreviewView previewJson(@PathVariable String vendor, @PathVariable String month,
			@RequestBody SalesRequest request) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		return PreviewView.of(found, reporting.preview(found, membership.partnerId(), target, jsonLines(request)),
				Naming.JSON);
	}

	@PostMapping(path = "/sales/{month}/preview", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	PreviewView previewCsv(@PathVariable String vendor, @PathVariable String month, @RequestBody byte[] body,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		return PreviewView.of(found,
				reporting.preview(found, membership.partnerId(), target, csvLines(body, contentType)), Naming.LINES);
	}

	@GetMapping("/sales/{month}")
	Map<String, Object> getSales(@PathVariable String vendor, @PathVariable String month) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		List<Sales> versions = store.salesVersions(found.id(), membership.partnerId(), target);
		if (versions.isEmpty()) {
			throw ApiProblem.notFound("reporting.sales.none", target.toString());
		}
		Sales current = versions.get(0);
		return Map.of("current",
				SalesView.of(found, current, store.salesLines(found.id(), current.id()), versions.size() > 1),
				"history", versions.stream().map(v -> SalesView.of(found, v, null, false)).toList());
	}

	// overview

	@GetMapping
	Map<String, Object> reports(@PathVariable String vendor) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		return Map.of("due",
				overview.dueItems(found, membership)
					.stream()
					.map(d -> Map.of("type", d.type().name(), "month", d.month().toString(), "dueOn",
							d.dueOn().toString(), "status", d.status().name(), "required", d.required()))
					.toList(),
				"forecasts",
				store.forecastHistory(found.id(), membership.partnerId())
					.stream()
					.map(f -> ForecastView.of(found, f, false))
					.toList(),
				"sales", store.salesHistory(found.id(), membership.partnerId())
					.stream()
					.map(s -> SalesView.of(found, s, null, false))
					.toList());
	}

	@GetMapping("/forecast-vs-actual")
	Map<String, Object> forecastVsActual(@PathVariable String vendor, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth last = Months.parseOr(to, "to", calendar.currentMonth(found));
		YearMonth first = Months.parseOr(from, "from", last.minusMonths(5));
		if (first.isAfter(last) || first.plusMonths(36).isBefore(last)) {
			throw ApiProblem.invalidField("from", "reporting.range.invalid");
		}
		return Map.of("vendor", found.slug(), "currency", found.currency().getCurrencyCode(), "months",
				overview.partnerMonths(found, membership.partnerId(), first, last)
					.stream()
					.map(m -> {
						Map<String, Object> row = new java.util.LinkedHashMap<>();
						row.put("month", m.month().toString());
						row.put("forecast", m.forecast() == null ? null : PartnerReporting.decimal(m.forecast()));
						row.put("actual", PartnerReporting.decimal(m.actual().setScale(2, java.math.RoundingMode.HALF_EVEN)));
						row.put("ratio", m.ratio() == null ? null : m.ratio().toPlainString());
						return row;
					})
					.toList());
	}

	private List<Raw> jsonLines(SalesRequest request) {
		if (request.lines() == null) {
			throw ApiProblem.invalidField("lines", "validation.required");
		}
		List<Raw> lines = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			SalesLineRequest line = request.lines().get(i);
			if (line == null) {
				lines.add(Raw.unreadable(i + 1, texts.text("validation.required")));
				continue;
			}
			ClientRequest client = line.client() == null ? new ClientRequest(null, null, null) : line.client();
			lines.add(Raw.of(i + 1, line.sku(), line.quantity(), line.amount(), client.name(), client.email(),
					client.country()));
		}
		return lines;
	}

	private List<Raw> csvLines(byte[] body, String contentType) {
		if (body.length > MAX_CSV_BYTES) {
			throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "reporting.csv.tooLarge",
					new Object[] { MAX_CSV_BYTES / 1024 / 1024 }, List.of());
		}
		Charset charset = StandardCharsets.UTF_8;
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			if (type.getCharset() != null) {
				charset = type.getCharset();
			}
		}
		catch (RuntimeException ex) {
			// keep UTF-8
		}
		SalesCsv.Parsed parsed = SalesCsv.parse(new String(body, charset), texts);
		if (!parsed.readable()) {
			throw ApiProblem.invalid(List.of(new FieldProblem("line " + parsed.problemLine(), parsed.problem())));
		}
		return parsed.lines();
	}

	record ForecastRequest(@Nullable String anticipatedVolume, @Nullable List<ForecastLineRequest> lines) {
	}

	record ForecastLineRequest(@Nullable String sku, @Nullable String quantity) {
	}

	record SalesRequest(@Nullable List<SalesLineRequest> lines) {
	}

	record SalesLineRequest(@Nullable String sku, @Nullable String quantity, @Nullable String amount,
			@Nullable ClientRequest client) {
	}

	record ClientRequest(@Nullable String name, @Nullable String email, @Nullable String country) {
	}

	record ForecastLineView(String sku, int quantity) {
	}

	record ForecastView(String vendor, String month, int version, String anticipatedVolume, String currency,
			List<ForecastLineView> lines, String submittedAt, @Nullable String replacedAt, boolean late,
			boolean replaced) {

		static ForecastView of(Vendor vendor, Forecast forecast, boolean replaced) {
			return new ForecastView(vendor.slug(), forecast.month().toString(), forecast.version(),
					PartnerReporting.decimal(forecast.anticipatedVolume()), forecast.currency().getCurrencyCode(),
					forecast.lines().stream().map(l -> new ForecastLineView(l.sku(), l.quantity())).toList(),
					ApiTimes.of(forecast.submittedAt(), vendor),
					forecast.replacedAt() == null ? null : ApiTimes.of(forecast.replacedAt(), vendor), forecast.late(),
					replaced);
		}

	}

	record ClientView(String name, String email, String country) {
	}

	record SalesLineView(int line, String sku, int quantity, String amount, ClientView client) {

		static SalesLineView of(SalesLine line) {
			return new SalesLineView(line.line(), line.sku(), line.quantity(), PartnerReporting.decimal(line.amount()),
					new ClientView(line.clientName(), line.clientEmail(), line.clientCountry()));
		}

	}

	record SalesView(long reportId, String vendor, String month, int version, String source, int lineCount,
			String total, String currency, String submittedAt, @Nullable String replacedAt, boolean late,
			boolean replaced, @Nullable List<SalesLineView> lines) {

		static SalesView of(Vendor vendor, Sales report, @Nullable List<SalesLine> lines, boolean replaced) {
			return new SalesView(report.id(), vendor.slug(), report.month().toString(), report.version(),
					report.source(), report.lineCount(), PartnerReporting.decimal(report.total()),
					report.currency().getCurrencyCode(), ApiTimes.of(report.submittedAt(), vendor),
					report.replacedAt() == null ? null : ApiTimes.of(report.replacedAt(), vendor), report.late(),
					replaced, lines == null ? null : lines.stream().map(SalesLineView::of).toList());
		}

	}

	record PreviewLineView(int line, String field, boolean ok, @Nullable String sku, @Nullable String quantity,
			@Nullable String amount, @Nullable ClientView client, List<FieldProblem> problems) {
	}

	record PreviewView(String month, boolean submittable, @Nullable String refusal, int badLines, String total,
			String currency, List<PreviewLineView> lines, List<FieldProblem> errors) {

		static PreviewView of(Vendor vendor, Preview preview, Naming naming) {
			List<PreviewLineView> lines = new ArrayList<>();
			List<FieldProblem> errors = new ArrayList<>();
			for (SalesLines.Checked checked : preview.lines()) {
				Raw raw = checked.raw();
				String field = naming == Naming.LINES ? "line " + raw.line() : "lines[" + (raw.line() - 1) + "]";
				List<FieldProblem> problems = checked.problems()
					.stream()
					.map(p -> new FieldProblem(naming == Naming.LINES ? field
							: SalesLines.jsonField(raw.line() - 1, p.column()),
							p.column() == null || naming == Naming.JSON ? p.message() : p.column() + ": " + p.message()))
					.toList();
				if (!checked.ok()) {
					errors.add(new FieldProblem(field, checked.summary()));
				}
				lines.add(new PreviewLineView(raw.line(), field, checked.ok(), raw.sku(), raw.quantity(), raw.amount(),
						raw.unreadable() == null ? new ClientView(String.valueOf(raw.clientName()),
								String.valueOf(raw.clientEmail()), String.valueOf(raw.clientCountry())) : null,
						problems));
			}
			return new PreviewView(preview.month().toString(), preview.submittable(), preview.refusal(),
					preview.badLines(), PartnerReporting.decimal(preview.total()),
					vendor.currency().getCurrencyCode(), lines, errors);
		}

	}

}
