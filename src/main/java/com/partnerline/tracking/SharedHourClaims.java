package com.partnerline.tracking;

import java.util.List;

import com.partnerline.tracking.ClickWriter.Pending;

/**
 * Hour claims decided by the database, for several nodes writing clicks to one: the
 * group's statement inserts the candidates' keys into {@code click_hours}, and a
 * candidate whose key it inserted is counted. Keys this node has seen claimed are
 * remembered (up to a bound, then it starts over), so that a repeat costs no insert.
 */
final class SharedHourClaims implements HourClaims {

	private final HourKeySet claimed = new HourKeySet();

	private final int remembered;

	/** @param remembered how many claimed keys to remember before starting over */
	SharedHourClaims(int remembered) {
		this.remembered = remembered;
	}

	@Override
	public synchronized boolean[] candidates(List<Pending> group, long[] keys) {
		boolean[] candidates = new boolean[keys.length];
		HourKeySet inGroup = new HourKeySet();
		for (int i = 0; i < keys.length; i++) {
			// the first non-bot click of a key in the group, unless an earlier group claimed the key
			candidates[i] = !group.get(i).bot() && !claimed.contains(keys[i]) && inGroup.add(keys[i]);
		}
		return candidates;
	}

	@Override
	public boolean decidedInDatabase() {
		return true;
	}

	@Override
	public synchronized void committed(List<Pending> group, long[] keys, boolean[] candidates) {
		// every candidate's key now has its row in click_hours (inserted by this group or found there)
		if (claimed.size() + keys.length > remembered) {
			claimed.clear();
		}
		for (int i = 0; i < keys.length; i++) {
			if (candidates[i]) {
				claimed.add(keys[i]);
			}
		}
	}

	@Override
	public void abandoned(List<Pending> group, long[] keys, boolean[] candidates) {
		// the statement's insert into click_hours was rolled back with the clicks
	}

}
