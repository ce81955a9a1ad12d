package com.partnerline.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.partnerline.tracking.ClickWriter.Pending;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hour claims decided by this node in memory: the first click of a key to reach a
 * writer claims it, before its group is stored, so the group's statement has no
 * {@code click_hours} insert to make (its most expensive part: a random B-tree insert
 * per new visitor). Right only while this node is the only one writing clicks to its
 * database, as with the embedded database.
 * <p>
 * Nothing lives only here: the counted clicks are the record, and a node that starts
 * reads the keys of the counted clicks of the current and the previous hour from them
 * (through the BRIN index on their time) before it stores a click. A group that cannot
 * be stored gives its keys back. Keys of hours before the previous one are dropped as
 * a new hour begins; the memory is the distinct visitors of a link in two hours, 16 to
 * 32 bytes each.
 */
final class NodeHourClaims implements HourClaims {

	private static final long HOUR = 3600;

	private final Map<Long, HourKeySet> byHour = new TreeMap<>();

	private long newestHour = Long.MIN_VALUE;

	@Override
	public synchronized boolean[] candidates(List<Pending> group, long[] keys) {
		boolean[] candidates = new boolean[keys.length];
		for (int i = 0; i < keys.length; i++) {
			Pending click = group.get(i);
			candidates[i] = !click.bot() && claim(click.hour(), keys[i]);
		}
		return candidates;
	}

	@Override
	public boolean decidedInDatabase() {
		return false;
	}

	@Override
	public void committed(List<Pending> group, long[] keys, boolean[] candidates) {
		// claimed already
	}

	@Override
	public synchronized void abandoned(List<Pending> group, long[] keys, boolean[] candidates) {
		for (int i = 0; i < keys.length; i++) {
			if (candidates[i]) {
				HourKeySet keysOfHour = byHour.get(group.get(i).hour());
				if (keysOfHour != null) {
					keysOfHour.remove(keys[i]);
				}
			}
		}
	}

	/**
	 * Claims the keys of the counted clicks since the start of the previous hour, as a
	 * node that starts must before it stores a click.
	 * @return how many keys were claimed
	 */
	synchronized int load(JdbcClient jdbc, Instant now) {
		Instant since = now.truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
		int[] loaded = { 0 };
		jdbc.sql("""
				SELECT vendor_id, link_code, address_hash, occurred_at FROM clicks
				WHERE occurred_at >= ? AND counted""")
			.param(Timestamp.from(since))
			.query(rs -> {
				long hour = rs.getTimestamp(4).toInstant().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
				if (claim(hour, HourClaims.key(rs.getLong(1), rs.getString(2), rs.getString(3), hour))) {
					loaded[0]++;
				}
			});
		return loaded[0];
	}

	/** Keys claimed in the hour starting at {@code hour} (epoch second). */
	synchronized int claimedIn(long hour) {
		HourKeySet keysOfHour = byHour.get(hour);
		return keysOfHour == null ? 0 : keysOfHour.size();
	}

	private boolean claim(long hour, long key) {
		if (hour > newestHour) {
			newestHour = hour;
			// a click of an hour before the previous one can no longer be a repeat of a new one
			byHour.keySet().removeIf(h -> h < hour - HOUR);
		}
		return byHour.computeIfAbsent(hour, h -> new HourKeySet()).add(key);
	}

}
