package com.partnerline.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.partnerline.kernel.Batcher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Group commit of clicks. A redirect hands its click to {@link #record} and is answered
 * when the returned future completes; writer threads take whatever has arrived since
 * their last commit (up to {@code maxBatch}), write it with one statement in autocommit
 * (one round trip, one commit) and then complete every click of the group. So each
 * answered redirect is durable, yet no request pays for a transaction of its own: under
 * load one commit carries dozens of clicks, and an idle server commits a lone click at
 * once (no timer to wait for). Which clicks count (the repeat rule) is the
 * {@link HourClaims}' to decide: this node before the statement, or the database in it.
 */
@Component
class ClickWriter extends Batcher<ClickWriter.Pending> {

	private static final Logger log = LoggerFactory.getLogger(ClickWriter.class);

	private static final String GROUP = """
			WITH x AS (
			  SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[], ?::uuid[], ?::varchar[],
			    ?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[], ?::boolean[], ?::bigint[], ?::bigint[])
			    AS x(v, c, t, l, p, s, a, u, r, b, candidate, k, h)),
			""";

	/**
	 * Stores every click of the group, counted as {@code %s} says, and the group's counts
	 * per partner, quarter hour and sub-id in {@code click_count_deltas} (see {@link ClickHousekeeping}).
	 */
	private static final String STORE = """
			stored AS (
			  INSERT INTO clicks (vendor_id, click_id, occurred_at, link_code, partner_id, sub_id, address_hash,
			    user_agent, referrer, bot, counted)
			  SELECT v, c, timestamptz 'epoch' + t * interval '1 microsecond', l, p, s, a, u, r, b, %s
			  FROM x
			  RETURNING vendor_id, partner_id, occurred_at, sub_id, counted)
			INSERT INTO click_count_deltas (vendor_id, partner_id, bucket, sub_id, clicks, counted)
			SELECT vendor_id, partner_id, date_bin('15 minutes', occurred_at, timestamptz 'epoch'), coalesce(sub_id, ''),
			  count(*), count(*) FILTER (WHERE counted)
			FROM stored
			GROUP BY 1, 2, 3, 4""";

	/** The candidates decided by this node are counted. */
	private static final String INSERT_DECIDED = GROUP + STORE.formatted("candidate");

	/**
	 * The candidates' hour keys go into {@code click_hours} first (in key order, so that two
	 * writers or nodes can never deadlock on them); a candidate whose key was inserted is counted.
	 */
	private static final String INSERT_CLAIMING = GROUP + """
			hours AS (
			  INSERT INTO click_hours (key, hour)
			  SELECT k, timestamptz 'epoch' + h * interval '1 second' FROM x WHERE candidate
			  ORDER BY k
			  ON CONFLICT DO NOTHING
			  RETURNING key),
			""" + STORE.formatted("candidate AND k IN (SELECT key FROM hours)");

	/** A click waiting for its batch to commit. */
	record Pending(long vendorId, String clickId, Instant occurredAt, String linkCode, UUID partnerId,
			@Nullable String subId, String addressHash, @Nullable String userAgent, @Nullable String referrer,
			boolean bot, CompletableFuture<Void> done) {

		/** The key of the repeat rule. */
		long hourKey() {
			return HourClaims.key(vendorId, linkCode, addressHash, hour());
		}

		long hour() {
			return occurredAt.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
		}

	}

	private final DataSource dataSource;

	private final HourClaims claims;

	private final TrackingSettings settings;

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong written = new AtomicLong();

	ClickWriter(DataSource dataSource, TrackingSettings settings, HourClaims claims) {
		super("click-writer", settings.writerThreads(), 200_000, settings.maxBatch());
		this.dataSource = dataSource;
		this.claims = claims;
		this.settings = settings;
	}

	/**
	 * Queues a click for the next group.
	 * @return completed once the click is committed, or exceptionally when it could not be stored
	 * @throws IllegalStateException when the writer takes no more clicks (stopped, or its queue is full)
	 */
	CompletableFuture<Void> record(Pending click) {
		submit(click);
		return click.done();
	}

	@Override
	protected void failed(List<Pending> batch, RuntimeException ex) {
		batch.forEach(p -> p.done().completeExceptionally(ex));
	}

	@Override
	protected void beforeDrain(int queued, int maxBatch) {
		// a short linger lets a nearly empty group fill up; it costs latency only when the queue is short
		if (settings.lingerMicros() > 0 && queued < maxBatch) {
			LockSupport.parkNanos(settings.lingerMicros() * 1000L);
		}
	}

	@Override
	protected void process(List<Pending> batch) {
		int n = batch.size();
		Long[] vendors = new Long[n];
		String[] ids = new String[n];
		Long[] times = new Long[n];
		String[] links = new String[n];
		UUID[] partners = new UUID[n];
		String[] subIds = new String[n];
		String[] hashes = new String[n];
		String[] agents = new String[n];
		String[] referrers = new String[n];
		Boolean[] bots = new Boolean[n];
		Long[] keys = new Long[n];
		Long[] hours = new Long[n];
		long[] hourKeys = new long[n];
		for (int i = 0; i < n; i++) {
			Pending p = batch.get(i);
			vendors[i] = p.vendorId();
			ids[i] = p.clickId();
			times[i] = ChronoUnit.MICROS.between(Instant.EPOCH, p.occurredAt());
			links[i] = p.linkCode();
			partners[i] = p.partnerId();
			subIds[i] = p.subId();
			hashes[i] = p.addressHash();
			agents[i] = p.userAgent();
			referrers[i] = p.referrer();
			bots[i] = p.bot();
			hourKeys[i] = p.hourKey();
			keys[i] = hourKeys[i];
			hours[i] = p.hour();
		}
		boolean[] candidates = claims.candidates(batch, hourKeys);
		Boolean[] candidateFlags = new Boolean[n];
		for (int i = 0; i < n; i++) {
			candidateFlags[i] = candidates[i];
		}
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(claims.decidedInDatabase() ? INSERT_CLAIMING : INSERT_DECIDED)) {
			statement.setArray(1, connection.createArrayOf("bigint", vendors));
			statement.setArray(2, connection.createArrayOf("varchar", ids));
			statement.setArray(3, connection.createArrayOf("bigint", times));
			statement.setArray(4, connection.createArrayOf("varchar", links));
			statement.setArray(5, connection.createArrayOf("uuid", partners));
			statement.setArray(6, connection.createArrayOf("varchar", subIds));
			statement.setArray(7, connection.createArrayOf("varchar", hashes));
			statement.setArray(8, connection.createArrayOf("varchar", agents));
			statement.setArray(9, connection.createArrayOf("varchar", referrers));
			statement.setArray(10, connection.createArrayOf("boolean", bots));
			statement.setArray(11, connection.createArrayOf("boolean", candidateFlags));
			statement.setArray(12, connection.createArrayOf("bigint", keys));
			statement.setArray(13, connection.createArrayOf("bigint", hours));
			statement.executeUpdate();
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException | RuntimeException ex) {
			log.error("Could not store {} clicks", n, ex);
			claims.abandoned(batch, hourKeys, candidates);
			batch.forEach(p -> p.done().completeExceptionally(ex));
			return;
		}
		batches.incrementAndGet();
		written.addAndGet(n);
		claims.committed(batch, hourKeys, candidates);
		batch.forEach(p -> p.done().complete(null));
	}

	/** Transactions committed so far. */
	long batches() {
		return batches.get();
	}

	/** Clicks committed so far. */
	long written() {
		return written.get();
	}

}
