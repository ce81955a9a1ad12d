package com.partnerline.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the click tables small while clicks keep coming (a writer that is never idle
 * would never get to it): folds the groups' counts from {@code click_count_deltas} into
 * {@code click_counts}, and drops hour keys that can no longer make a click a repeat.
 * Safe on several nodes at once: a fold deletes only the deltas its snapshot sees, and a
 * delta deleted by another node's fold is skipped, so each is added exactly once.
 */
@Component
class ClickHousekeeping {

	private final JdbcClient jdbc;

	private final Clock clock;

	ClickHousekeeping(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Adds the deltas to the counts and removes them, in one statement (so atomically). */
	@Scheduled(fixedDelayString = "${partnerline.tracking.fold-interval:PT5S}", initialDelayString = "PT5S")
	public void fold() {
		jdbc.sql("""
				WITH d AS (DELETE FROM click_count_deltas RETURNING *)
				INSERT INTO click_counts (vendor_id, partner_id, bucket, sub_id, clicks, counted)
				SELECT vendor_id, partner_id, bucket, sub_id, sum(clicks), sum(counted) FROM d
				GROUP BY 1, 2, 3, 4
				ORDER BY 1, 2, 3, 4
				ON CONFLICT (vendor_id, partner_id, bucket, sub_id) DO UPDATE
				  SET clicks = click_counts.clicks + excluded.clicks, counted = click_counts.counted + excluded.counted""")
			.update();
	}

	/** Hour keys older than two hours can no longer make a click a repeat. */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	public void pruneHourKeys() {
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM click_hours WHERE hour < ?")
			.param(Timestamp.from(now.minus(Duration.ofHours(2))))
			.update();
	}

}
