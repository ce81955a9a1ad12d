package com.partnerline.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnerline.audit.AuditLog;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.commissions.CommissionManagement;
import com.partnerline.commissions.MonthSummary;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.CsvWriter;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.orders.MonthlyOrders;
import com.partnerline.orders.OrderManagement;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.tracking.ClickMonth;
import com.partnerline.tracking.TrackingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The vendor console's partner directory (search by name, company, email or code;
 * filters by type and status; sort; pages; CSV) and a partner's page (profile,
 * contract, links, monthly figures, statements, audit trail). Only members of a
 * vendor the caller manages are shown.
 */
@Controller
class ConsolePartnersController {

	static final int PAGE_SIZE = 25;

	static final int MONTHS = 6;

	private final VendorAccess access;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final CommissionManagement commissions;

	private final OrderManagement orders;

	private final TrackingManagement tracking;

	private final AuditLog audit;

	private final PublicUrl publicUrl;

	ConsolePartnersController(VendorAccess access, PartnerManagement partners, CatalogManagement catalog,
			CommissionManagement commissions, OrderManagement orders, TrackingManagement tracking, AuditLog audit,
			PublicUrl publicUrl) {
		this.access = access;
		this.partners = partners;
		this.catalog = catalog;
		this.commissions = commissions;
		this.orders = orders;
		this.tracking = tracking;
		this.audit = audit;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/console/vendors/{vendor}/partners")
	String directory(@PathVariable String vendor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String dir,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Vendor found = access.requireManaged(vendor);
		List<Entry> all = entries(found, q, type, status, sort, dir);
		int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(Math.max(page, 0), pages - 1);
		YearMonth month = commissions.currentMonth(found);
		List<Row> rows = all.subList(shown * PAGE_SIZE, Math.min(all.size(), (shown + 1) * PAGE_SIZE))
			.stream()
			.map(e -> new Row(e.partner(), e.membership(),
					commissions.monthSummary(found.id(), e.partner().id(), month)))
			.toList();
		model.addAttribute("vendor", found);
		model.addAttribute("rows", rows);
		model.addAttribute("total", all.size());
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("status", status);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", "desc".equals(dir) ? "desc" : "asc");
		model.addAttribute("month", month);
		return "dashboard/partners";
	}

	@GetMapping("/console/vendors/{vendor}/partners.csv")
	ResponseEntity<String> directoryCsv(@PathVariable String vendor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String dir) {
		Vendor found = access.requireManaged(vendor);
		YearMonth month = commissions.currentMonth(found);
		StringBuilder out = new StringBuilder();
		try (CsvWriter csv = new CsvWriter(out, "name", "company", "email", "code", "country", "type", "status",
				"joined_at", "band_this_month", "volume_this_month", "currency")) {
			for (Entry e : entries(found, q, type, status, sort, dir)) {
				MonthSummary summary = commissions.monthSummary(found.id(), e.partner().id(), month);
				csv.row(e.partner().name(), e.partner().company(), e.partner().email(), e.partner().code(),
						e.partner().country(), e.membership().type(), e.membership().status(),
						Formats.isoDateTime(e.membership().joinedAt(), found.timeZone()), summary.band(), summary.volume(), found.currency().getCurrencyCode());
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"partners-" + found.slug() + ".csv\"")
			.body(out.toString());
	}

	@GetMapping("/console/vendors/{vendor}/partners/{code}")
	String partner(@PathVariable String vendor, @PathVariable String code, Model model) {
		Vendor found = access.requireManaged(vendor);
		Partner partner = partners.findByCode(code)
			.orElseThrow(() -> ApiProblem.notFound("dashboard.partnerNotFound", code));
		Membership membership = partners.membership(found.id(), partner.id())
			.orElseThrow(() -> ApiProblem.notFound("dashboard.partnerNotFound", code));
		YearMonth current = commissions.currentMonth(found);
		YearMonth first = current.minusMonths(MONTHS - 1);
		Map<YearMonth, MonthlyOrders> byMonth = orders.partnerMonths(found.id(), partner.id(), first, current)
			.stream()
			.collect(Collectors.toMap(MonthlyOrders::month, Function.identity()));
		Map<YearMonth, ClickMonth> clicks = tracking.monthlyClicks(found, partner.id(), first, current)
			.stream()
			.collect(Collectors.toMap(ClickMonth::month, Function.identity(), (a, b) -> a));
		List<MonthRow> months = new ArrayList<>();
		for (YearMonth m = current; !m.isBefore(first); m = m.minusMonths(1)) {
			MonthlyOrders o = byMonth.get(m);
			ClickMonth c = clicks.get(m);
			months.add(new MonthRow(m, c == null ? 0 : c.clicks(), c == null ? 0 : c.counted(),
					o == null ? 0 : o.orders(), commissions.monthSummary(found.id(), partner.id(), m)));
		}
		String subject = partner.id().toString();
		model.addAttribute("vendor", found);
		model.addAttribute("currency", found.currency().getCurrencyCode());
		model.addAttribute("partner", partner);
		model.addAttribute("countryName", new Locale("", partner.country())
			.getDisplayCountry(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		model.addAttribute("membership", membership);
		model.addAttribute("contract", partners.activeContract(found.id(), partner.id()).orElse(null));
		model.addAttribute("links", tracking.links(found.id(), partner.id())
			.stream()
			.map(l -> new LinkRow(publicUrl.link("/r/" + l.code()), l.targetUrl(), l.subId(), l.createdAt()))
			.toList());
		model.addAttribute("months", months);
		model.addAttribute("statements", commissions.statementsOf(found.id(), partner.id()));
		model.addAttribute("audit", audit.entries(found.id().value(), 2000)
			.stream()
			.filter(e -> subject.equals(e.subject()) || partner.email().equalsIgnoreCase(e.actor()))
			.limit(100)
			.toList());
		return "dashboard/partner";
	}

	private List<Entry> entries(Vendor vendor, @Nullable String q, @Nullable String type, @Nullable String status,
			String sort, String dir) {
		String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
		List<Entry> entries = new ArrayList<>();
		for (Membership m : partners.membersOf(vendor.id())) {
			Partner p = partners.find(m.partnerId()).orElse(null);
			if (p == null || (type != null && !type.isBlank() && !m.type().name().equals(type))
					|| (status != null && !status.isBlank() && !m.status().equals(status))) {
				continue;
			}
			if (!needle.isEmpty() && !matches(p, needle)) {
				continue;
			}
			entries.add(new Entry(p, m));
		}
		Comparator<Entry> order = switch (sort) {
			case "company" -> Comparator.comparing(e -> lower(e.partner().company()));
			case "type" -> Comparator.comparing(e -> e.membership().type().name());
			case "status" -> Comparator.comparing(e -> e.membership().status());
			case "joined" -> Comparator.comparing(e -> e.membership().joinedAt());
			default -> Comparator.comparing(e -> lower(e.partner().name()));
		};
		order = order.thenComparing(e -> e.partner().code());
		entries.sort("desc".equals(dir) ? order.reversed() : order);
		return entries;
	}

	private static boolean matches(Partner p, String needle) {
		return lower(p.name()).contains(needle) || lower(p.company()).contains(needle)
				|| lower(p.email()).contains(needle) || lower(p.code()).contains(needle);
	}

	private static String lower(@Nullable String value) {
		return value == null ? "" : value.toLowerCase(Locale.ROOT);
	}

	record Entry(Partner partner, Membership membership) {
	}

	record Row(Partner partner, Membership membership, MonthSummary month) {
	}

	record MonthRow(YearMonth month, long clicks, long counted, long orders, MonthSummary summary) {
	}

	record LinkRow(String url, String targetUrl, @Nullable String subId, java.time.Instant createdAt) {
	}

}
