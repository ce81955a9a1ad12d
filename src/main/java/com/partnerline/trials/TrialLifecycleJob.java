package com.partnerline.trials;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the trial lifecycle (reminders, expiry) as a db-scheduler recurring task: one
 * node at a time; the claim on each trial keeps its reminder to one mail even if two
 * runs met.
 */
@Configuration(proxyBeanMethods = false)
class TrialLifecycleJob {

	@Bean
	RecurringTask<Void> trialLifecycleTask(TrialLifecycle lifecycle, TrialSettings settings, Clock clock) {
		return Tasks.recurring("trial-lifecycle", FixedDelay.of(settings.jobInterval()))
			.execute((instance, context) -> lifecycle.run(clock.instant()));
	}

}
