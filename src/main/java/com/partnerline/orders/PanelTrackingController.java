package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.DateRange;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.tracking.ClickDay;
import com.partnerline.tracking.Link;
import com.partnerline.tracking.NewLink;
import com.partnerline.tracking.TrackingManagement;
import com.partnerline.trials.TrialManagement;
import com.partnerline.trials.TrialMonth;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The control panel's tracking page for one program: the partner's links (and a form
 * for a new one), its clicks and orders per day as a chart, and the same figures per
 * sub-id. Only the calling partner's own data is read.
 */
@Controller
class PanelTrackingController {

	private final OrderManagement orders;

	private final TrackingManagement tracking;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final MessageSource messages;

	private final Clock clock;

	private final PublicUrl publicUrl;

	private final TrialManagement trials;

	PanelTrackingController(OrderManagement orders, TrackingManagement tracking, CatalogManagement catalog,
			PartnerManagement partners, MessageSource messages, Clock clock, PublicUrl publicUrl,
			TrialManagement trials) {
		this.publicUrl = publicUrl;
		this.trials = trials;
		this.orders = orders;
		this.tracking = tracking;
		this.catalog = catalog;
		this.partners = partners;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/panel/programs/{vendor}/tracking")
	String page(@PathVariable String vendor, @RequestParam(required = false) @Nullable String range,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		LocalDate today = LocalDate.now(clock.withZone(found.timeZone()));
		DateRange period;
		try {
			// the last 30 days unless the partner picks another period
			period = DateRange.of(range == null ? "30d" : range, from, to, today);
		}
		catch (ApiProblem problem) {
			model.addAttribute("rangeErrors", problem.fieldMessages(messages, LocaleContextHolder.getLocale()));
			period = DateRange.of("30d", null, null, today);
		}
		return page(found, membership, period, model);
	}

	private String page(Vendor found, Membership membership, DateRange period, Model model) {
		LocalDate from = period.from();
		LocalDate to = period.to();
		List<ClickDay> clickDays = tracking.dailyClicks(found, membership.partnerId(), from, to);
		List<Orders.DayFigures> orderDays = orders.partnerDays(found, membership.partnerId(), from, to);

		Map<LocalDate, long[]> perDay = new TreeMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			perDay.put(d, new long[3]);
		}
		String none = messages.getMessage("orders.panel.noSubId", null, LocaleContextHolder.getLocale());
		Map<String, SubIdRow> perSubId = new LinkedHashMap<>();
		for (ClickDay day : clickDays) {
			long[] figures = perDay.get(day.day());
			if (figures != null) {
				figures[0] += day.clicks();
				figures[1] += day.counted();
			}
			perSubId.computeIfAbsent(day.subId() == null ? none : day.subId(), SubIdRow::new)
				.add(day.clicks(), day.counted(), 0, BigDecimal.ZERO);
		}
		for (Orders.DayFigures day : orderDays) {
			long[] figures = perDay.get(day.day());
			if (figures != null) {
				figures[2] += day.count();
			}
			perSubId.computeIfAbsent(day.subId() == null ? none : day.subId(), SubIdRow::new)
				.add(0, 0, day.count(), day.amount());
		}
		List<String> labels = new ArrayList<>();
		List<Long> clicks = new ArrayList<>();
		List<Long> counted = new ArrayList<>();
		List<Long> sales = new ArrayList<>();
		perDay.forEach((day, f) -> {
			labels.add(day.toString());
			clicks.add(f[0]);
			counted.add(f[1]);
			sales.add(f[2]);
		});
		model.addAttribute("vendor", found);
		model.addAttribute("membership", membership);
		model.addAttribute("links", tracking.links(found.id(), membership.partnerId()).stream().map(this::view).toList());
		model.addAttribute("products", catalog.products(found.id()));
		model.addAttribute("labels", labels);
		model.addAttribute("clicks", clicks);
		model.addAttribute("counted", counted);
		model.addAttribute("sales", sales);
		model.addAttribute("subIds", new ArrayList<>(perSubId.values()));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("period", period);
		// the last six months of trials started through the partner's links, newest first
		List<TrialMonth> trialMonths = new ArrayList<>(trials.partnerMonths(found, membership.partnerId(),
				YearMonth.from(to).minusMonths(5), YearMonth.from(to)));
		java.util.Collections.reverse(trialMonths);
		model.addAttribute("trialMonths", trialMonths);
		model.addAttribute("trialsStarted", trialMonths.stream().mapToLong(TrialMonth::started).sum());
		model.addAttribute("trialPage", publicUrl.link("/trial/" + found.slug() + "?ref=" + partners.currentPartner().code()));
		return "orders/panel";
	}

	@PostMapping("/panel/programs/{vendor}/links")
	String createLink(@PathVariable String vendor, @RequestParam(required = false) @Nullable String sku,
			@RequestParam(required = false) @Nullable String targetUrl,
			@RequestParam(required = false) @Nullable String subId, RedirectAttributes redirect) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		try {
			Link link = tracking.createLink(found, membership.partnerId(), new NewLink(sku, targetUrl, subId));
			redirect.addFlashAttribute("created", link.code());
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", problem.fieldMessages(messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/panel/programs/" + found.slug() + "/tracking";
	}

	private LinkView view(Link link) {
		return new LinkView(link.code(),
				publicUrl.link("/r/" + link.code()),
				link.targetUrl(), link.subId());
	}

	record LinkView(String code, String url, String targetUrl, @Nullable String subId) {
	}

	/** Clicks and orders of one sub-id over the page's days. */
	static final class SubIdRow {

		private final String subId;

		private long clicks;

		private long counted;

		private long orders;

		private BigDecimal amount = BigDecimal.ZERO;

		SubIdRow(String subId) {
			this.subId = subId;
		}

		void add(long clicks, long counted, long orders, BigDecimal amount) {
			this.clicks += clicks;
			this.counted += counted;
			this.orders += orders;
			this.amount = this.amount.add(amount);
		}

		public String getSubId() {
			return subId;
		}

		public long getClicks() {
			return clicks;
		}

		public long getCounted() {
			return counted;
		}

		public long getOrders() {
			return orders;
		}

		public BigDecimal getAmount() {
			return amount;
		}

	}

}
