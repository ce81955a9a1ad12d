package com.partnerline.content;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feed requests per agreement, counted in memory and added to the database in one
 * statement every few seconds ({@code partnerline.content.usage-flush}) and at
 * shutdown: a burst of readers is a handful of writes, not one per request. Each node
 * adds its own counts, so several nodes sum up correctly.
 */
@Component
class UsageCounter {

	private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Clock clock;

	UsageCounter(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void count(UUID agreementId, Feed feed) {
		counts.computeIfAbsent(new Key(agreementId, LocalDate.now(clock.withZone(ZoneOffset.UTC)), feed.slug()),
				k -> new LongAdder())
			.increment();
	}

	@Scheduled(fixedDelayString = "${partnerline.content.usage-flush:PT5S}", initialDelayString = "PT5S")
	@PreDestroy
	void flush() {
		List<Key> keys = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		for (Map.Entry<Key, LongAdder> entry : counts.entrySet()) {
			long value = entry.getValue().sumThenReset();
			if (value > 0) {
				keys.add(entry.getKey());
				values.add(value);
			}
			else if (entry.getKey().day().isBefore(today)) {
				// only a past day's counter is dropped: today's may be counting again right now
				counts.remove(entry.getKey(), entry.getValue());
			}
		}
		if (keys.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO content_agreement_usage (agreement_id, day, feed, requests)
				SELECT * FROM unnest(?::uuid[], ?::date[], ?::varchar[], ?::bigint[])
				ON CONFLICT (agreement_id, day, feed) DO UPDATE
				SET requests = content_agreement_usage.requests + EXCLUDED.requests""")
			.params(keys.stream().map(Key::agreementId).toArray(UUID[]::new),
					keys.stream().map(k -> k.day().toString()).toArray(String[]::new),
					keys.stream().map(Key::feed).toArray(String[]::new), values.toArray(Long[]::new))
			.update();
	}

	private record Key(UUID agreementId, LocalDate day, String feed) {
	}

}
