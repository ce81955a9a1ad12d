package com.partnerline.webhooks;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the webhooks: {@code partnerline.webhooks.allow-private}
 * ({@code PARTNERLINE_WEBHOOK_ALLOW_PRIVATE}), the first retry delay (doubled per attempt,
 * at most {@code retry-max}), how long a delivery is retried ({@code give-up-after}, 24
 * hours) and the time a receiver gets to answer.
 */
@Component
class WebhookSettings {

	private volatile boolean allowPrivate;

	private final Duration retryBase;

	private final Duration retryMax;

	private final Duration giveUpAfter;

	private final Duration timeout;

	WebhookSettings(@Value("${partnerline.webhooks.allow-private:false}") boolean allowPrivate,
			@Value("${partnerline.webhooks.retry-base:PT30S}") Duration retryBase,
			@Value("${partnerline.webhooks.retry-max:PT2H}") Duration retryMax,
			@Value("${partnerline.webhooks.give-up-after:PT24H}") Duration giveUpAfter,
			@Value("${partnerline.webhooks.timeout:PT10S}") Duration timeout) {
		this.allowPrivate = allowPrivate;
		this.retryBase = retryBase;
		this.retryMax = retryMax;
		this.giveUpAfter = giveUpAfter;
		this.timeout = timeout;
	}

	boolean allowPrivate() {
		return allowPrivate;
	}

	/** For tests that run a receiver on loopback, as {@code PARTNERLINE_WEBHOOK_ALLOW_PRIVATE=true} would. */
	void allowPrivate(boolean allow) {
		this.allowPrivate = allow;
	}

	Duration giveUpAfter() {
		return giveUpAfter;
	}

	Duration timeout() {
		return timeout;
	}

	/** retryBase after the first failed attempt, doubled for each further one, at most retryMax. */
	Duration backoff(int attempts) {
		Duration delay = retryBase;
		for (int i = 1; i < attempts && delay.compareTo(retryMax) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(retryMax) > 0 ? retryMax : delay;
	}

}
