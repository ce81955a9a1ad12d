package com.partnerline.platform;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Hands event publications whose listener has not completed (it failed, or its node died
 * while handling it) to their listeners again, once across the cluster (db-scheduler),
 * instead of on every node's start: a node starting beside a running one would otherwise
 * resubmit the publications the other node is handling at that moment, and their
 * listeners would run twice (issue 24, ADR 0028). Only publications older than the
 * interval are taken, so that one still being handled is left alone.
 */
@Configuration(proxyBeanMethods = false)
class EventResubmission {

	@Bean
	RecurringTask<Void> eventResubmissionTask(IncompleteEventPublications incomplete,
			@Value("${partnerline.events.resubmit-interval:PT10M}") Duration interval) {
		return Tasks.recurring("event-resubmission", FixedDelay.of(interval))
			.execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(interval));
	}

}
