package com.partnerline.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Group commit of clicks. A redirect hands its click to {@link #record} and is answered
 * when the returned future completes; writer threads take whatever has arrived since
 * their last commit (up to {@code maxBatch}), store it with one statement in autocommit
 * (one round trip, one commit) and then complete every click of the group. So each
 * answered redirect is durable, yet no request pays for a transaction of its own: under
 * load one commit carries dozens of clicks, and an idle server commits a lone click at
 * once (no timer to wait for).
 * <p>
 * The repeat rule is the database's to decide, in the same statement, so that any
 * number of writers and nodes agree: of the clicks of one address on one link in one
 * hour, the first that is not a bot's is counted. Its hour goes into
 * {@code click_hours} (unique key, {@code ON CONFLICT DO NOTHING}); a click whose hour
 * was already there is a repeat.
 */
@Component
class ClickWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClickWriter.class);

	private static final String STORE = """
			WITH x AS (
			  SELECT * FROM unnest(:vendors::varchar[]::bigint[], :ids::varchar[], :times::varchar[]::timestamptz[],
			    :links::varchar[], :partners::varchar[]::uuid[], :subIds::varchar[], :hashes::varchar[], :agents::varchar[],
			    :referrers::varchar[], :bots::varchar[]::boolean[]) WITH ORDINALITY AS x(v, c, t, l, p, s, a, u, r, b, n)),
			firsts AS (
			  -- in key order, so that two writers can never deadlock on the keys
			  INSERT INTO click_hours (vendor_id, link_code, address_hash, hour)
			  SELECT DISTINCT v, l, a, date_bin('1 hour', t, timestamptz 'epoch') FROM x WHERE NOT b
			  ORDER BY 1, 2, 3, 4
			  ON CONFLICT DO NOTHING
			  RETURNING vendor_id, link_code, address_hash, hour),
			counted AS (
			  SELECT DISTINCT ON (f.vendor_id, f.link_code, f.address_hash, f.hour) x.c
			  FROM firsts f JOIN x ON x.v = f.vendor_id AND x.l = f.link_code AND x.a = f.address_hash
			    AND date_bin('1 hour', x.t, timestamptz 'epoch') = f.hour AND NOT x.b
			  ORDER BY f.vendor_id, f.link_code, f.address_hash, f.hour, x.t, x.n),
			stored AS (
			  INSERT INTO clicks (vendor_id, click_id, occurred_at, link_code, partner_id, sub_id, address_hash,
			    user_agent, referrer, bot, counted)
			  SELECT v, c, t, l, p, s, a, u, r, b, c IN (SELECT c FROM counted) FROM x
			  RETURNING vendor_id, partner_id, occurred_at, sub_id, counted)
			-- the group's counts per partner, quarter hour and sub-id (see ClickHousekeeping)
			INSERT INTO click_count_deltas (vendor_id, partner_id, bucket, sub_id, clicks, counted)
			SELECT vendor_id, partner_id, date_bin('15 minutes', occurred_at, timestamptz 'epoch'), coalesce(sub_id, ''),
			  count(*), count(*) FILTER (WHERE counted)
			FROM stored
			GROUP BY 1, 2, 3, 4""";

	/** A click waiting for its group to commit. */
	record Pending(long vendorId, String clickId, Instant occurredAt, String linkCode, UUID partnerId,
			@Nullable String subId, String addressHash, @Nullable String userAgent, @Nullable String referrer,
			boolean bot, CompletableFuture<Void> done) {
	}

	private final JdbcClient jdbc;

	private final TrackingSettings settings;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(200_000);

	private final List<Thread> threads = new ArrayList<>();

	private final AtomicLong groups = new AtomicLong();

	private final AtomicLong written = new AtomicLong();

	private volatile boolean running;

	ClickWriter(JdbcClient jdbc, TrackingSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Queues a click for the next group.
	 * @return completed once the click is committed, or exceptionally when it could not be stored
	 * @throws IllegalStateException when the writer takes no more clicks (stopped, or its queue is full)
	 */
	CompletableFuture<Void> record(Pending click) {
		if (!running || !queue.offer(click)) {
			throw new IllegalStateException("The click writer takes no more clicks");
		}
		return click.done();
	}

	private void run() {
		List<Pending> group = new ArrayList<>(settings.maxBatch());
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, settings.maxBatch() - 1);
				store(group);
				groups.incrementAndGet();
				written.addAndGet(group.size());
				group.forEach(click -> click.done().complete(null));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.error("Could not store {} clicks", group.size(), ex);
				group.forEach(click -> click.done().completeExceptionally(ex));
			}
			finally {
				group.clear();
			}
		}
	}

	private void store(List<Pending> group) {
		jdbc.sql(STORE)
			.param("vendors", column(group, click -> Long.toString(click.vendorId())))
			.param("ids", column(group, Pending::clickId))
			.param("times", column(group, click -> click.occurredAt().toString()))
			.param("links", column(group, Pending::linkCode))
			.param("partners", column(group, click -> click.partnerId().toString()))
			.param("subIds", column(group, Pending::subId))
			.param("hashes", column(group, Pending::addressHash))
			.param("agents", column(group, Pending::userAgent))
			.param("referrers", column(group, Pending::referrer))
			.param("bots", column(group, click -> Boolean.toString(click.bot())))
			.update();
	}

	// arrays of text, cast in SQL: the driver binds String[] everywhere
	private static String[] column(List<Pending> group, Function<Pending, @Nullable String> value) {
		return group.stream().map(value).toArray(String[]::new);
	}

	/** Groups committed so far. */
	long groups() {
		return groups.get();
	}

	/** Clicks committed so far. */
	long written() {
		return written.get();
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < settings.writerThreads(); i++) {
			Thread thread = new Thread(this::run, "click-writer-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
	}

	/** Stops taking clicks and waits for those queued to be stored. */
	@Override
	public void stop() {
		running = false;
		for (Thread thread : threads) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// below the web server's graceful shutdown phase, so requests in flight still get their commit
		return Integer.MIN_VALUE + 1000;
	}

}
