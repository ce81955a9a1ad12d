package com.partnerline.enablement;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reminds registered partners of seminars that start within a day. A db-scheduler
 * recurring task runs on one node at a time; the claim on each seminar
 * ({@code reminded_at}) keeps it to one reminder even if two runs met.
 */
@Configuration(proxyBeanMethods = false)
class SeminarReminderJob {

	@Bean
	RecurringTask<Void> seminarReminderTask(Seminars seminars) {
		return Tasks.recurring("seminar-reminders", FixedDelay.of(Duration.ofMinutes(10)))
			.execute((instance, context) -> seminars.remindDue());
	}

}
