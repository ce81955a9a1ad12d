package com.partnerline.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.Periods;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds partners of their required reports: a forecast or sales report due within
 * {@code reminderDaysAhead} days (DUE_SOON), or one whose due date has passed
 * (OVERDUE). Each reminder is recorded under a unique key and published as
 * {@link ReportReminderDue} only when the record is new, so it goes out once however
 * often the job runs and on however many nodes. The job itself is a db-scheduler
 * recurring task, which runs on one node at a time.
 */
@Service
class ReportReminders {

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final ReportStore store;

	private final ReportCalendar calendar;

	private final Periods periods;

	private final ReportingSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	ReportReminders(CatalogManagement catalog, PartnerManagement partners, ReportStore store, ReportCalendar calendar,
			Periods periods, ReportingSettings settings, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.catalog = catalog;
		this.partners = partners;
		this.store = store;
		this.calendar = calendar;
		this.periods = periods;
		this.settings = settings;
		this.events = events;
	}

	/**
	 * Records and publishes the reminders due at {@code at} (each vendor's day there).
	 * One transaction per vendor: a reminder's record and its event commit together.
	 * @return how many reminders were new
	 */
	public int remindAt(Instant at) {
		int sent = 0;
		for (Vendor vendor : catalog.allVendors()) {
			Integer count = transactions.execute(status -> remind(vendor, at));
			sent += count == null ? 0 : count;
		}
		return sent;
	}

	private int remind(Vendor vendor, Instant at) {
		LocalDate today = ReportCalendar.today(vendor, at);
		YearMonth current = YearMonth.from(today);
		YearMonth next = current.plusMonths(1);
		YearMonth previous = current.minusMonths(1);
		int ahead = settings.reminderDaysAheadOrDefault();
		int sent = 0;
		for (Membership member : partners.membersOf(vendor.id())) {
			if (!ReportCalendar.forecastRequired(member)) {
				continue;
			}
			// next month's forecast, due on the last day of this month
			LocalDate forecastDue = ReportCalendar.forecastDue(next);
			if (dueSoon(today, forecastDue, ahead)
					&& store.currentForecast(vendor.id(), member.partnerId(), next).isEmpty()) {
				sent += remind(member, next, ReportType.FORECAST, ReminderKind.DUE_SOON, forecastDue, at);
			}
			// this month's forecast was due yesterday at the latest (if the partner was an Internet Partner then)
			if (store.currentForecast(vendor.id(), member.partnerId(), current).isEmpty()
					&& calendar.forecastRequired(vendor, member, current)) {
				sent += remind(member, current, ReportType.FORECAST, ReminderKind.OVERDUE,
						ReportCalendar.forecastDue(current), at);
			}
			// last month's sales report, due early this month
			if (calendar.reportsOwnSales(member, previous, today)
					&& store.currentSales(vendor.id(), member.partnerId(), previous).isEmpty()
					&& !periods.isClosed(vendor.id(), previous)) {
				LocalDate salesDue = calendar.salesDue(previous);
				if (today.isAfter(salesDue)) {
					sent += remind(member, previous, ReportType.SALES, ReminderKind.OVERDUE, salesDue, at);
				}
				else if (dueSoon(today, salesDue, ahead)) {
					sent += remind(member, previous, ReportType.SALES, ReminderKind.DUE_SOON, salesDue, at);
				}
			}
		}
		return sent;
	}

	private static boolean dueSoon(LocalDate today, LocalDate due, int ahead) {
		long days = ChronoUnit.DAYS.between(today, due);
		return days >= 0 && days <= ahead;
	}

	private int remind(Membership member, YearMonth month, ReportType type, ReminderKind kind, LocalDate due,
			Instant at) {
		if (!store.insertReminder(member.vendorId(), member.partnerId(), month, type, kind, due, at)) {
			return 0;
		}
		events.publishEvent(new ReportReminderDue(member.vendorId(), member.partnerId(), month, type, kind, due));
		return 1;
	}

	/** The recurring task: hourly, so that each vendor's day is seen soon after it begins in its time zone. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> reportRemindersTask(ReportReminders reminders, Clock clock) {
			return Tasks.recurring("report-reminders", FixedDelay.of(Duration.ofHours(1)))
				.execute((instance, context) -> reminders.remindAt(clock.instant()));
		}

	}

}
