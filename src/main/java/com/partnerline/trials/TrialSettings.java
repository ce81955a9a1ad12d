package com.partnerline.trials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of trials ({@code partnerline.trials.*}).
 *
 * @param conversionWindow how long after a trial starts a purchase by the same customer
 * counts as its conversion and is attributed to the trial's partner (commission policy), for a
 * vendor without a program; a program's {@code trialConversionDays} decides for its vendor
 * @param reminderBefore how long before expiry the reminder mail goes out
 * @param jobInterval how often the lifecycle job (reminders, expiry) runs
 */
@ConfigurationProperties("partnerline.trials")
record TrialSettings(@DefaultValue("P60D") Duration conversionWindow, @DefaultValue("P3D") Duration reminderBefore,
		@DefaultValue("PT10M") Duration jobInterval) {
}
