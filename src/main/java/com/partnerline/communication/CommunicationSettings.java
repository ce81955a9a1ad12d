package com.partnerline.communication;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Communication settings ({@code partnerline.communication.*}).
 *
 * @param warnBefore how long before a first-response target the managers are warned (default 4 hours)
 * @param maxMessageLength the longest ticket message or announcement body, in characters (default 20,000)
 */
@ConfigurationProperties("partnerline.communication")
record CommunicationSettings(@Nullable Duration warnBefore, @Nullable Integer maxMessageLength) {

	Duration warnBeforeOrDefault() {
		return warnBefore == null ? Duration.ofHours(4) : warnBefore;
	}

	int maxMessageLengthOrDefault() {
		return maxMessageLength == null ? 20_000 : maxMessageLength;
	}

}
