package com.partnerline.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Contract;
import com.partnerline.partners.OrderProcessing;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;

import org.springframework.stereotype.Component;

/**
 * When reports are due and who must file them. A month's forecast is due on the day
 * before the month starts; its sales report by {@code salesDueDay} of the following
 * month. Days are the vendor's (its time zone).
 */
@Component
class ReportCalendar {

	private final Clock clock;

	private final ReportingSettings settings;

	private final PartnerManagement partners;

	ReportCalendar(Clock clock, ReportingSettings settings, PartnerManagement partners) {
		this.clock = clock;
		this.settings = settings;
		this.partners = partners;
	}

	LocalDate today(Vendor vendor) {
		return today(vendor, clock.instant());
	}

	static LocalDate today(Vendor vendor, Instant at) {
		return LocalDate.ofInstant(at, vendor.timeZone());
	}

	YearMonth currentMonth(Vendor vendor) {
		return YearMonth.from(today(vendor));
	}

	static LocalDate forecastDue(YearMonth month) {
		return month.atDay(1).minusDays(1);
	}

	LocalDate salesDue(YearMonth month) {
		return month.plusMonths(1).atDay(settings.salesDueDayOrDefault());
	}

	LocalDate dueOn(ReportType type, YearMonth month) {
		return type == ReportType.FORECAST ? forecastDue(month) : salesDue(month);
	}

	/** The forecast is required of Internet Partners; affiliates may file one. */
	static boolean forecastRequired(Membership membership) {
		return membership.isActive() && membership.type() == PartnerType.INTERNET;
	}

	/**
	 * Whether {@code month}'s forecast is required of the partner: it is an active
	 * Internet Partner and already was one on the forecast's due date (the day it
	 * accepted its contract, in the vendor's time zone), so that a partner who becomes
	 * one today owes no forecast that fell due before.
	 */
	boolean forecastRequired(Vendor vendor, Membership membership, YearMonth month) {
		if (!forecastRequired(membership)) {
			return false;
		}
		LocalDate due = forecastDue(month);
		return partners.activeContract(membership.vendorId(), membership.partnerId())
			.map(Contract::acceptedAt)
			.map(accepted -> !accepted.atZone(vendor.timeZone()).toLocalDate().isAfter(due))
			.orElse(true);
	}

	/**
	 * Whether the partner reports its own sales for {@code month}: an active Internet
	 * Partner whose contract in force at the end of the month (or today, within it)
	 * says SELF.
	 */
	boolean reportsOwnSales(Membership membership, YearMonth month, LocalDate today) {
		if (!membership.isActive() || membership.type() != PartnerType.INTERNET) {
			return false;
		}
		LocalDate day = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
		if (day.isBefore(month.atDay(1))) {
			day = month.atDay(1);
		}
		return partners.contractOn(membership.vendorId(), membership.partnerId(), day)
			.map(Contract::orderProcessing)
			.filter(p -> p == OrderProcessing.SELF)
			.isPresent();
	}

	boolean reportsOwnSales(Vendor vendor, PartnerId partnerId, YearMonth month) {
		return partners.membership(vendor.id(), partnerId)
			.map(m -> reportsOwnSales(m, month, today(vendor)))
			.orElse(false);
	}

}
