package com.partnerline.communication;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mails scheduled announcements once their time has come. A db-scheduler recurring
 * task runs on one node at a time; the claim on each announcement
 * ({@link AnnouncementStore#claimForMail}) keeps it to one mailing even if two runs met.
 */
@Configuration(proxyBeanMethods = false)
class AnnouncementMailJob {

	@Bean
	RecurringTask<Void> announcementMailTask(Announcements announcements, Clock clock) {
		return Tasks.recurring("announcement-mail", FixedDelay.of(Duration.ofMinutes(1)))
			.execute((instance, context) -> announcements.mailDue(clock.instant()));
	}

}
