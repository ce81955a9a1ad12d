package com.partnerline.tracking;

import java.time.Clock;

import com.partnerline.tracking.TrackingSettings.RepeatClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who decides which clicks are repeats: this node, or the database (see {@link HourClaims}). */
@Configuration(proxyBeanMethods = false)
class HourClaimsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(HourClaimsConfiguration.class);

	/** Claimed keys a node remembers when the database decides, so that a repeat costs no insert. */
	private static final int REMEMBERED_CLAIMS = 1_000_000;

	@Bean
	HourClaims hourClaims(TrackingSettings settings, @Value("${partnerline.db-url:}") String databaseUrl,
			JdbcClient jdbc, Clock clock) {
		RepeatClaims decidedBy = settings.repeatClaims() != null ? settings.repeatClaims()
				// the embedded database belongs to this node alone
				: databaseUrl.isBlank() ? RepeatClaims.NODE : RepeatClaims.DATABASE;
		if (decidedBy == RepeatClaims.DATABASE) {
			log.info("Repeat clicks are decided by the database (click_hours)");
			return new SharedHourClaims(REMEMBERED_CLAIMS);
		}
		NodeHourClaims claims = new NodeHourClaims();
		int loaded = claims.load(jdbc, clock.instant());
		log.info("Repeat clicks are decided on this node; {} keys of the last two hours' counted clicks loaded", loaded);
		return claims;
	}

}
