package com.partnerline.orders;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.CsvWriter;
import com.partnerline.kernel.DateRange;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The vendor console's orders: filters (dates in the vendor's time zone, partner,
 * attribution, order id or customer email prefix), sort, paging, and the same
 * selection as CSV. Amounts show two decimals (half-even); the CSV also carries the
 * unrounded converted amount.
 */
@Controller
class ConsoleOrdersController {

	private static final int CSV_PAGE = 5_000;

	private static final int CSV_MAX_ROWS = 1_000_000;

	private final OrderManagement orders;

	private final VendorAccess access;

	private final Clock clock;

	ConsoleOrdersController(OrderManagement orders, VendorAccess access, Clock clock) {
		this.clock = clock;
		this.orders = orders;
		this.access = access;
	}

	@GetMapping("/console/vendors/{vendor}/orders")
	String orders(@PathVariable String vendor, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String partner,
			@RequestParam(required = false) @Nullable String attribution,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "occurredAt") String sort, @RequestParam(defaultValue = "desc") String dir,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
			@RequestParam(required = false) @Nullable String range, Model model) {
		Vendor found = access.requireManaged(vendor);
		// a preset of the period picker fills the dates (in the vendor's time zone) unless dates are given
		String preset = null;
		if (range != null && DateRange.PRESETS.contains(range) && (from == null || from.isBlank())
				&& (to == null || to.isBlank())) {
			DateRange period = DateRange.of(range, null, null, LocalDate.now(clock.withZone(found.timeZone())));
			from = period.from().toString();
			to = period.to().toString();
			preset = range;
		}
		OrderQuery query = query(from, to, partner, attribution, q, sort, dir, page, Math.min(size, 200));
		Map<String, String> presetLinks = new LinkedHashMap<>();
		for (String p : DateRange.PRESETS) {
			presetLinks.put(p, UriComponentsBuilder.fromPath("/console/vendors/{vendor}/orders")
				.queryParam("range", p)
				.queryParamIfPresent("partner", java.util.Optional.ofNullable(query.partnerId()).map(Object::toString))
				.queryParamIfPresent("attribution", java.util.Optional.ofNullable(query.attribution()))
				.queryParamIfPresent("q", java.util.Optional.ofNullable(query.search()))
				.queryParam("sort", query.sort())
				.queryParam("dir", query.descending() ? "desc" : "asc")
				.buildAndExpand(found.slug())
				.encode()
				.toUriString());
		}
		model.addAttribute("presetLinks", presetLinks);
		model.addAttribute("preset", preset);
		model.addAttribute("vendor", found);
		model.addAttribute("query", query);
		model.addAttribute("result", orders.orders(found, query));
		model.addAttribute("attributions", Arrays.asList(Attribution.values()));
		model.addAttribute("dir", query.descending() ? "desc" : "asc");
		return "orders/console";
	}

	@GetMapping("/console/vendors/{vendor}/orders.csv")
	void csv(@PathVariable String vendor, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String partner,
			@RequestParam(required = false) @Nullable String attribution,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "occurredAt") String sort, @RequestParam(defaultValue = "desc") String dir,
			HttpServletResponse response) throws IOException {
		Vendor found = access.requireManaged(vendor);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"orders-" + found.slug() + ".csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (CsvWriter csv = new CsvWriter(writer, "order_id", "occurred_at", "period", "partner_id", "attribution",
				"self_referral", "source", "amount", "amount_unrounded", "currency", "original_amount",
				"original_currency", "rate", "refunded", "customer_email", "customer_country")) {
			int written = 0;
			for (int page = 0; written < CSV_MAX_ROWS; page++) {
				List<OrderRow> rows = orders
					.orders(found, query(from, to, partner, attribution, q, sort, dir, page, CSV_PAGE))
					.rows();
				for (OrderRow row : rows) {
					csv.row(row.orderId(), Formats.isoDateTime(row.occurredAt(), found.timeZone()),
							row.period(), row.partnerId(), row.attribution(), row.selfReferral(), row.source(),
							row.amount().rounded().amount(), row.amount().amount(),
							row.amount().currency().getCurrencyCode(), row.originalAmount().amount(),
							row.originalAmount().currency().getCurrencyCode(), row.rate(),
							row.refunded().setScale(2, RoundingMode.HALF_EVEN), row.customerEmail(),
							row.customerCountry());
					written++;
				}
				if (rows.size() < CSV_PAGE) {
					break;
				}
			}
		}
	}

	private static OrderQuery query(@Nullable String from, @Nullable String to, @Nullable String partner,
			@Nullable String attribution, @Nullable String q, String sort, String dir, int page, int size) {
		return new OrderQuery(date(from), date(to), partnerId(partner), attribution(attribution),
				q == null || q.isBlank() ? null : q.trim(), sort, !"asc".equalsIgnoreCase(dir), page, size);
	}

	// Filters that cannot be read are left out, as a search form does with an empty field.
	private static @Nullable LocalDate date(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable PartnerId partnerId(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? null : PartnerId.of(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Attribution attribution(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? null : Attribution.valueOf(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
