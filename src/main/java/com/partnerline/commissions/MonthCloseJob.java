package com.partnerline.commissions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes, for every vendor, the previous month shortly after it has ended in the
 * vendor's time zone. A db-scheduler recurring task, so one node runs it at a time;
 * the close itself is idempotent and locked per month, so a second run changes
 * nothing. Months that ended longer ago than the catch-up window are left to a manager
 * closing them by hand (a late automatic close could freeze a month that someone is
 * still correcting).
 */
@Configuration(proxyBeanMethods = false)
class MonthCloseJob {

	private static final Logger log = LoggerFactory.getLogger(MonthCloseJob.class);

	private final CommissionManagement commissions;

	private final CatalogManagement catalog;

	private final Clock clock;

	private final Duration catchUp;

	MonthCloseJob(CommissionManagement commissions, CatalogManagement catalog, Clock clock,
			@Value("${partnerline.commissions.auto-close-days:7}") int catchUpDays) {
		this.commissions = commissions;
		this.catalog = catalog;
		this.clock = clock;
		this.catchUp = Duration.ofDays(catchUpDays);
	}

	@Bean
	RecurringTask<Void> monthCloseTask(@Value("${partnerline.commissions.close-every-minutes:15}") int minutes) {
		return Tasks.recurring("commissions-month-close", FixedDelay.ofMinutes(minutes))
			.execute((instance, context) -> closeEndedMonths(clock.instant()));
	}

	/** @return how many months this run closed */
	int closeEndedMonths(Instant now) {
		return closeEndedMonths(now, catalog.allVendors());
	}

	int closeEndedMonths(Instant now, java.util.List<Vendor> vendors) {
		int closed = 0;
		for (Vendor vendor : vendors) {
			if (catalog.findProgram(vendor.id()).isEmpty()) {
				continue;
			}
			YearMonth previous = YearMonth.from(now.atZone(vendor.timeZone())).minusMonths(1);
			Instant ended = previous.plusMonths(1).atDay(1).atStartOfDay(vendor.timeZone()).toInstant();
			if (now.isAfter(ended.plus(catchUp)) || commissions.isClosed(vendor.id(), previous)) {
				continue;
			}
			try {
				if (commissions.close(vendor, previous).closedNow()) {
					closed++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Closing {} of {} failed; the next run tries again", previous, vendor.slug(), ex);
			}
		}
		return closed;
	}

}
