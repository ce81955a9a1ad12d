package com.partnerline.scanner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnerline.kernel.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may scan now. Each client (address) may start a number of scans per minute,
 * counted in PostgreSQL so that all nodes count together (429 beyond). On this node
 * at most {@code maxConcurrent} scans stream to clamd at a time; a few more wait a
 * short while in a queue, and beyond that a scan is refused at once with 503 and
 * {@code Retry-After}: an upload waiting for minutes helps nobody, and clamd's own
 * threads are the real limit.
 */
@Component
class ScanAdmission {

	private final ScannerSettings settings;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Semaphore scanning;

	private final AtomicInteger waiting = new AtomicInteger();

	ScanAdmission(ScannerSettings settings, JdbcClient jdbc, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.scanning = new Semaphore(settings.maxConcurrent(), true);
	}

	/** Counts a scan of {@code client}; 429 when it has started its share of this minute already. */
	@Transactional
	void countScan(String client) {
		// a count lost in a crash of the database server costs nothing: no need to wait for the disk
		jdbc.sql("SET LOCAL synchronous_commit = off").update();
		Instant now = clock.instant();
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
		int scans = jdbc.sql("""
				INSERT INTO scan_client_minutes (client, minute, scans) VALUES (?, ?, 1)
				ON CONFLICT (client, minute) DO UPDATE SET scans = scan_client_minutes.scans + 1
				RETURNING scans""")
			.params(client, java.sql.Timestamp.from(minute))
			.query(Integer.class)
			.single();
		if (scans > settings.scansPerMinute()) {
			throw ApiProblem.tooManyRequests(Duration.between(now, minute.plus(1, ChronoUnit.MINUTES)),
					"scanner.problem.rate-limit", settings.scansPerMinute());
		}
	}

	/** A slot to scan in, waiting a short while in the queue; 503 with Retry-After when none comes. */
	Slot enter() throws InterruptedException {
		// a timed tryAcquire keeps the semaphore's fairness: no barging past the queue
		if (!scanning.tryAcquire(0, TimeUnit.MILLISECONDS)) {
			if (waiting.incrementAndGet() > settings.queue()) {
				waiting.decrementAndGet();
				throw busy();
			}
			try {
				if (!scanning.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
					throw busy();
				}
			}
			finally {
				waiting.decrementAndGet();
			}
		}
		return scanning::release;
	}

	/** Scans streaming now on this node. */
	int scanningNow() {
		return settings.maxConcurrent() - scanning.availablePermits();
	}

	/** Scans waiting in this node's queue now. */
	int waitingNow() {
		return waiting.get();
	}

	private ApiProblem busy() {
		return ApiProblem.unavailable(settings.queueWait(), "scanner.problem.busy");
	}

	/** Minutes counted more than a few minutes ago tell nothing any more. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void forgetOldMinutes() {
		jdbc.sql("DELETE FROM scan_client_minutes WHERE minute < ?")
			.param(java.sql.Timestamp.from(clock.instant().minus(5, ChronoUnit.MINUTES)))
			.update();
	}

	/** A held scanning slot; closing it lets the next scan in. */
	interface Slot extends AutoCloseable {

		@Override
		void close();

	}

}
