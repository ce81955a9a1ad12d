package com.partnerline.tracking;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Runs {@link ClickPartitions#maintain()} at start (before the demo data and any other
 * start-up work, so that their clicks find their months) and then every few hours, once
 * across the cluster (db-scheduler). A node starting while another runs it waits for its
 * lock and then finds nothing to do.
 */
@Configuration(proxyBeanMethods = false)
class ClickPartitionJob {

	static final String TASK = "tracking-click-partitions";

	@Bean
	RecurringTask<Void> clickPartitionsTask(ClickPartitions partitions,
			@Value("${partnerline.clicks.partition-interval:PT6H}") Duration interval) {
		return Tasks.recurring(TASK, FixedDelay.of(interval))
			.execute((instance, context) -> partitions.maintain());
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ApplicationRunner clickPartitionsAtStart(ClickPartitions partitions) {
		return args -> partitions.maintain();
	}

}
