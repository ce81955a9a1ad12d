package com.partnerline.orders;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.Money;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.tracking.ClickMonth;
import com.partnerline.tracking.TrackingManagement;
import com.partnerline.trials.TrialManagement;
import com.partnerline.trials.TrialMonth;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/partner/programs/{vendor}/stats?from=yyyy-MM&to=yyyy-MM}: the
 * calling partner's figures per month (vendor's time zone), oldest first. Without
 * {@code to} it ends with the current month; without {@code from} it covers twelve
 * months. The commissions module adds band and commission to each month.
 */
@RestController
class PartnerStatsController {

	private final OrderManagement orders;

	private final TrackingManagement tracking;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final ObjectProvider<MonthlyCommission> commissions;

	private final Clock clock;

	private final TrialManagement trials;

	PartnerStatsController(OrderManagement orders, TrackingManagement tracking, CatalogManagement catalog,
			PartnerManagement partners, ObjectProvider<MonthlyCommission> commissions, Clock clock,
			TrialManagement trials) {
		this.trials = trials;
		this.orders = orders;
		this.tracking = tracking;
		this.catalog = catalog;
		this.partners = partners;
		this.commissions = commissions;
		this.clock = clock;
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/stats")
	List<MonthStats> stats(@PathVariable String vendor, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth current = YearMonth.now(clock.withZone(found.timeZone()));
		YearMonth end = month(to, "to", current, problems);
		YearMonth start = month(from, "from", end == null ? current.minusMonths(11) : end.minusMonths(11), problems);
		if (problems.isEmpty() && start.isAfter(end)) {
			problems.add(new FieldProblem("from", "orders.fromAfterTo"));
		}
		if (problems.isEmpty() && start.plusMonths(60).isBefore(end)) {
			problems.add(new FieldProblem("from", "orders.rangeTooLong"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		List<ClickMonth> clicks = tracking.monthlyClicks(found, membership.partnerId(), start, end);
		List<MonthlyOrders> sales = orders.partnerMonths(found.id(), membership.partnerId(), start, end);
		List<TrialMonth> trialMonths = trials.partnerMonths(found, membership.partnerId(), start, end);
		MonthlyCommission commission = commissions.getIfAvailable();
		List<MonthStats> result = new ArrayList<>();
		for (int i = 0; i < clicks.size(); i++) {
			ClickMonth c = clicks.get(i);
			MonthlyOrders o = sales.get(i);
			MonthlyCommission.Figures figures = commission == null ? null
					: commission.of(found.id(), membership.partnerId(), c.month());
			result.add(new MonthStats(c.month().toString(), c.clicks(), c.counted(),
					trialMonths.get(i).started(), trialMonths.get(i).converted(), o.orders(),
					new Money(figures == null ? o.volume() : figures.volume(), found.currency()).rounded().toDecimalString(),
					found.currency().getCurrencyCode(), figures == null ? null : figures.band(),
					figures == null ? null : figures.rate().stripTrailingZeros().toPlainString(),
					figures == null ? null
							: new Money(figures.commission(), found.currency()).rounded().toDecimalString()));
		}
		return result;
	}

	/**
	 * @param trials trials started through the partner's links that month
	 * @param trialConversions of those trials, how many have been converted into a purchase so far
	 * @param volume the month's volume, rounded half-even to the currency's minor unit (the statement's once the
	 * month is closed: late orders and refunds go to later statements and leave it as it was)
	 * @param band the band the month's volume reaches (the statement's, once the month is closed)
	 * @param rate the commission rate applied, as a fraction
	 * @param commission volume × rate, rounded once
	 */
	record MonthStats(String month, long clicks, long countedClicks, long trials, long trialConversions,
			long orders, String volume,
			String currency, @Nullable String band, @Nullable String rate, @Nullable String commission) {
	}

	private static @Nullable YearMonth month(@Nullable String value, String field, @Nullable YearMonth fallback,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "orders.monthInvalid"));
			return fallback;
		}
	}

}
