package com.partnerline.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled} for every module (the outbox sender, housekeeping).
 * Such jobs must be safe on every node at once (row locks, idempotent deletes);
 * jobs that must run once across the cluster use db-scheduler instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
