package com.partnerline.trials;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.CsvWriter;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The vendor console's trial dashboard: per start month, partner and product, the trials
 * started, how many converted into a purchase and the conversion rate; also as CSV.
 * Only the vendors the caller manages; months in the vendor's time zone.
 */
@Controller
class ConsoleTrialsController {

	private final Trials trials;

	private final VendorAccess access;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final Clock clock;

	ConsoleTrialsController(Trials trials, VendorAccess access, CatalogManagement catalog, PartnerManagement partners,
			Clock clock) {
		this.trials = trials;
		this.access = access;
		this.catalog = catalog;
		this.partners = partners;
		this.clock = clock;
	}

	/** A row as shown: partner and product by name, rate a fraction (null without trials). */
	record Row(YearMonth month, @Nullable String partnerName, @Nullable String partnerCode, String product,
			long started, long converted, @Nullable BigDecimal rate) {
	}

	/** The orders the table can be sorted in: newest month first, else the largest figures first. */
	static final Map<String, java.util.Comparator<Row>> SORTS = Map.of("month",
			java.util.Comparator.comparing(Row::month).reversed(), "started",
			java.util.Comparator.comparingLong(Row::started).reversed(), "converted",
			java.util.Comparator.comparingLong(Row::converted).reversed(), "rate",
			java.util.Comparator.comparing(Row::rate, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())),
			"product", java.util.Comparator.comparing(Row::product));

	@GetMapping("/console/vendors/{vendor}/trials")
	String dashboard(@PathVariable String vendor, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String sort,
			Model model) {
		Vendor found = access.requireManaged(vendor);
		YearMonth[] range = range(found, from, to);
		String order = sort != null && SORTS.containsKey(sort) ? sort : "month";
		List<Row> rows = rows(found, range[0], range[1]).stream().sorted(SORTS.get(order)).toList();
		model.addAttribute("sort", order);
		model.addAttribute("vendor", found);
		model.addAttribute("rows", rows);
		model.addAttribute("from", range[0].toString());
		model.addAttribute("to", range[1].toString());
		long started = rows.stream().mapToLong(Row::started).sum();
		long converted = rows.stream().mapToLong(Row::converted).sum();
		model.addAttribute("totalStarted", started);
		model.addAttribute("totalConverted", converted);
		model.addAttribute("totalRate", rate(started, converted));
		return "trials/console";
	}

	@GetMapping("/console/vendors/{vendor}/trials.csv")
	void csv(@PathVariable String vendor, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, HttpServletResponse response) throws IOException {
		Vendor found = access.requireManaged(vendor);
		YearMonth[] range = range(found, from, to);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"trials-" + found.slug() + ".csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Writer writer = response.getWriter();
		try (CsvWriter csv = new CsvWriter(writer, "month", "partner_code", "partner_name", "product", "started",
				"converted", "conversion_rate")) {
			for (Row row : rows(found, range[0], range[1])) {
				csv.row(row.month().toString(), row.partnerCode(), row.partnerName(), row.product(), row.started(),
						row.converted(), row.rate() == null ? null : row.rate().toPlainString());
			}
		}
	}

	private List<Row> rows(Vendor vendor, YearMonth from, YearMonth to) {
		Map<String, String> productNames = new HashMap<>();
		catalog.products(vendor.id()).forEach(p -> productNames.put(p.sku(), p.name()));
		Map<PartnerId, Partner> byId = new HashMap<>();
		return trials
			.vendorFigures(vendor.id(), vendor.timeZone(), from.atDay(1).atStartOfDay(vendor.timeZone()).toInstant(),
					to.plusMonths(1).atDay(1).atStartOfDay(vendor.timeZone()).toInstant())
			.stream()
			.map(f -> {
				Partner partner = f.partnerId() == null ? null
						: byId.computeIfAbsent(f.partnerId(), id -> partners.find(id).orElse(null));
				return new Row(f.month(), partner == null ? null : partner.name(),
						partner == null ? null : partner.code(), productNames.getOrDefault(f.sku(), f.sku()),
						f.started(), f.converted(), rate(f.started(), f.converted()));
			})
			.toList();
	}

	private static @Nullable BigDecimal rate(long started, long converted) {
		return started == 0 ? null
				: BigDecimal.valueOf(converted).divide(BigDecimal.valueOf(started), 4, RoundingMode.HALF_EVEN);
	}

	/** The months asked for, else the last six; a bad or reversed range falls back to that too. */
	private YearMonth[] range(Vendor vendor, @Nullable String from, @Nullable String to) {
		YearMonth current = YearMonth.now(clock.withZone(vendor.timeZone()));
		YearMonth end = parse(to, current);
		YearMonth start = parse(from, end.minusMonths(5));
		if (start.isAfter(end) || start.plusMonths(60).isBefore(end)) {
			start = end.minusMonths(5);
		}
		return new YearMonth[] { start, end };
	}

	private static YearMonth parse(@Nullable String value, YearMonth fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}


}
