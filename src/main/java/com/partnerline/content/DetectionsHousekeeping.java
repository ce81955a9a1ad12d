package com.partnerline.content;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes detections the Virus Rating no longer reads (older than 8 days; it counts 7),
 * hourly and once across the cluster (db-scheduler).
 */
@Configuration(proxyBeanMethods = false)
class DetectionsHousekeeping {

	static final Duration KEEP = Duration.ofDays(8);

	@Bean
	RecurringTask<Void> contentDetectionsHousekeepingTask(JdbcClient jdbc, Clock clock) {
		return Tasks.recurring("content-detections-housekeeping", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> jdbc.sql("DELETE FROM threat_detections WHERE detected_at < ?")
				.param(Timestamp.from(clock.instant().minus(KEEP)))
				.update());
	}

}
