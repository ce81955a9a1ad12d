package com.partnerline.reporting;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.Formats;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.reporting.PartnerReporting.ForecastDraft;
import com.partnerline.reporting.PartnerReporting.ForecastLineDraft;
import com.partnerline.reporting.PartnerReporting.Naming;
import com.partnerline.reporting.PartnerReporting.Preview;
import com.partnerline.reporting.PartnerReporting.SalesSaved;
import com.partnerline.reporting.ReportOverview.MonthFigures;
import com.partnerline.reporting.SalesLines.Raw;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's reports in the control panel: what is due, its forecast versus its
 * actual sales as a chart, the history of its reports, and the forms to file them. A
 * sales report can be typed in or uploaded as CSV; either way it is previewed with
 * each bad line marked, can be corrected in place, and is stored only when all lines
 * are good.
 */
@Controller
@RequestMapping("/panel/reports/{vendor}")
class PanelReportsController {

	private static final int BLANK_ROWS = 5;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final PartnerReporting reporting;

	private final ReportStore store;

	private final ReportOverview overview;

	private final ReportCalendar calendar;

	private final ReportTexts texts;

	PanelReportsController(CatalogManagement catalog, PartnerManagement partners, PartnerReporting reporting,
			ReportStore store, ReportOverview overview, ReportCalendar calendar, ReportTexts texts) {
		this.catalog = catalog;
		this.partners = partners;
		this.reporting = reporting;
		this.store = store;
		this.overview = overview;
		this.calendar = calendar;
		this.texts = texts;
	}

	@GetMapping
	String reports(@PathVariable String vendor, Model model) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth current = calendar.currentMonth(found);
		model.addAttribute("vendor", found);
		model.addAttribute("membership", membership);
		model.addAttribute("due", overview.dueItems(found, membership));
		model.addAttribute("forecasts", store.forecastHistory(found.id(), membership.partnerId()));
		model.addAttribute("sales", store.salesHistory(found.id(), membership.partnerId()));
		model.addAttribute("products", catalog.products(found.id()));
		model.addAttribute("forecastMonths", List.of(current.plusMonths(1), current.plusMonths(2), current));
		List<YearMonth> salesMonths = new ArrayList<>();
		for (YearMonth month : List.of(current.minusMonths(1), current)) {
			if (calendar.reportsOwnSales(found, membership.partnerId(), month)) {
				salesMonths.add(month);
			}
		}
		model.addAttribute("salesMonths", salesMonths);
		model.addAttribute("blankRows", BLANK_ROWS);
		List<MonthFigures> months = overview.partnerMonths(found, membership.partnerId(), current.minusMonths(5),
				current.plusMonths(1));
		model.addAttribute("months", months);
		model.addAttribute("chart", Charts.bars(
				months.stream().map(m -> Formats.month(m.month(), LocaleContextHolder.getLocale())).toList(),
				List.of(new Charts.Series(texts.text("reports.chart.forecast"),
						months.stream().map(m -> m.forecast() == null ? BigDecimal.ZERO : m.forecast()).toList()),
						new Charts.Series(texts.text("reports.chart.actual"),
								months.stream().map(m -> m.actual().setScale(2, RoundingMode.HALF_EVEN)).toList())),
				false));
		return "reports/panel";
	}

	@PostMapping("/forecast")
	String fileForecast(@PathVariable String vendor, @RequestParam String month,
			@RequestParam(required = false) String anticipatedVolume, HttpServletRequest request,
			RedirectAttributes redirect) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		String[] skus = values(request, "sku");
		String[] quantities = values(request, "quantity");
		List<ForecastLineDraft> lines = new ArrayList<>();
		for (int i = 0; i < Math.max(skus.length, quantities.length); i++) {
			String sku = at(skus, i);
			String quantity = at(quantities, i);
			if (!sku.isBlank() || !quantity.isBlank()) {
				lines.add(new ForecastLineDraft(sku, quantity));
			}
		}
		try {
			YearMonth target = Months.parse(month, "month");
			reporting.submitForecast(found, membership.partnerId(), target, new ForecastDraft(anticipatedVolume, lines));
			redirect.addFlashAttribute("done",
					texts.text("reports.forecast.done", Formats.month(target, LocaleContextHolder.getLocale())));
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("forecastErrors", messages(problem));
		}
		return "redirect:/panel/reports/" + found.slug();
	}

	@GetMapping("/sales/new")
	String newSales(@PathVariable String vendor, @RequestParam String month, Model model) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		return salesForm(found, membership, target, List.of(), null, false, model);
	}

	@PostMapping("/sales/upload")
	String uploadSales(@PathVariable String vendor, @RequestParam String month,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		if (file == null || file.isEmpty()) {
			return salesForm(found, membership, target, List.of(), texts.text("reports.sales.noFile"), false, model);
		}
		if (file.getSize() > PartnerReportsApiController.MAX_CSV_BYTES) {
			return salesForm(found, membership, target, List.of(),
					texts.text("reporting.csv.tooLarge", PartnerReportsApiController.MAX_CSV_BYTES / 1024 / 1024), false,
					model);
		}
		SalesCsv.Parsed parsed = SalesCsv.parse(new String(file.getBytes(), StandardCharsets.UTF_8), texts);
		if (!parsed.readable()) {
			return salesForm(found, membership, target, List.of(), "line " + parsed.problemLine() + ": " + parsed.problem(),
					false, model);
		}
		return salesForm(found, membership, target, parsed.lines(), null, true, model);
	}

	@PostMapping("/sales")
	String fileSales(@PathVariable String vendor, @RequestParam String month,
			@RequestParam(defaultValue = "check") String action, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		YearMonth target = Months.parse(month, "month");
		List<Raw> lines = formLines(request);
		if ("submit".equals(action)) {
			Preview preview = reporting.preview(found, membership.partnerId(), target, lines);
			if (preview.submittable()) {
				try {
					SalesSaved saved = reporting.submitSales(found, membership.partnerId(), target, lines, "FORM",
							Naming.LINES);
					redirect.addFlashAttribute("done", texts.text("reports.sales.done",
							Formats.month(target, LocaleContextHolder.getLocale()), saved.lines().size(),
							Formats.money(saved.report().total(), found.currency(), LocaleContextHolder.getLocale())));
					return "redirect:/panel/reports/" + found.slug();
				}
				catch (ApiProblem problem) {
					return salesForm(found, membership, target, lines, String.join(" ", messages(problem)), true,
							model);
				}
			}
		}
		return salesForm(found, membership, target, lines, null, true, model);
	}

	private String salesForm(Vendor vendor, Membership membership, YearMonth month, List<Raw> lines,
			@Nullable String problem, boolean checked, Model model) {
		Preview preview = reporting.preview(vendor, membership.partnerId(), month, lines);
		List<SalesLines.Checked> rows = new ArrayList<>(preview.lines());
		int next = lines.stream().mapToInt(Raw::line).max().orElse(1) + 1;
		int blanks = lines.isEmpty() ? BLANK_ROWS : 1;
		for (int i = 0; i < blanks; i++) {
			rows.add(SalesLines.Checked.of(Raw.of(next + i, "", "", "", "", "", ""), null, List.of()));
		}
		model.addAttribute("vendor", vendor);
		model.addAttribute("month", month);
		model.addAttribute("preview", preview);
		model.addAttribute("rows", rows);
		model.addAttribute("checked", checked);
		model.addAttribute("problem", problem);
		model.addAttribute("products", catalog.products(vendor.id()));
		return "reports/sales-form";
	}

	private static List<Raw> formLines(HttpServletRequest request) {
		String[] numbers = values(request, "line");
		String[] skus = values(request, "sku");
		String[] quantities = values(request, "quantity");
		String[] amounts = values(request, "amount");
		String[] names = values(request, "clientName");
		String[] emails = values(request, "clientEmail");
		String[] countries = values(request, "clientCountry");
		int count = Math.max(skus.length, Math.max(quantities.length, Math.max(amounts.length,
				Math.max(names.length, Math.max(emails.length, countries.length)))));
		List<Raw> lines = new ArrayList<>();
		for (int i = 0; i < count && i < 10_000; i++) {
			int number = i + 2;
			try {
				number = Integer.parseInt(at(numbers, i));
			}
			catch (NumberFormatException ex) {
				// a row added in the page
			}
			Raw raw = Raw.of(number, at(skus, i), at(quantities, i), at(amounts, i), at(names, i), at(emails, i),
					at(countries, i));
			if (!raw.isBlank()) {
				lines.add(raw);
			}
		}
		return lines;
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	private static String at(String[] values, int index) {
		return index < values.length && values[index] != null ? values[index] : "";
	}

	private List<String> messages(ApiProblem problem) {
		if (problem.errors().isEmpty()) {
			return List.of(texts.text(problem.messageKey(), problem.arguments()));
		}
		List<String> messages = new ArrayList<>();
		for (FieldProblem error : problem.errors()) {
			messages.add(ApiProblem.fieldLabel(error.field(), texts.source(), LocaleContextHolder.getLocale())
					+ texts.text(error.message()));
		}
		return messages;
	}

}
