package com.partnerline.tracking;

import java.util.List;

import com.partnerline.tracking.ClickWriter.Pending;

/**
 * The repeat rule: of the clicks with one hour key (vendor, link, address hash, hour), the
 * first that is not a bot's is counted. A click writer asks its claims which clicks of a
 * group may count before it stores the group, and tells them how the group ended.
 * <ul>
 * <li>{@link NodeHourClaims}: this node decides, in memory, from keys rebuilt from the
 * counted clicks when it starts. For a node that is the only one writing clicks to its
 * database (the embedded one); the group's statement only stores what was decided.</li>
 * <li>{@link SharedHourClaims}: the database decides, in {@code click_hours}, in the group's
 * statement; for several nodes on one database.</li>
 * </ul>
 */
sealed interface HourClaims permits NodeHourClaims, SharedHourClaims {

	/**
	 * Which clicks of the group may be counted. Under {@link #decidedInDatabase()} the
	 * database still decides which candidates are; otherwise every candidate is counted
	 * and its key is claimed until {@link #abandoned} gives it back.
	 */
	boolean[] candidates(List<Pending> group, long[] keys);

	/** Whether the group's statement settles the candidates against {@code click_hours}. */
	boolean decidedInDatabase();

	/** The group is stored. */
	void committed(List<Pending> group, long[] keys, boolean[] candidates);

	/** The group could not be stored: none of its clicks exists. */
	void abandoned(List<Pending> group, long[] keys, boolean[] candidates);

	/** A 64-bit fingerprint (FNV-1a) of vendor, link, address hash and hour (epoch second of its start). */
	static long key(long vendorId, String linkCode, String addressHash, long hour) {
		long hash = 0xcbf29ce484222325L;
		hash = (hash ^ vendorId) * 0x100000001b3L;
		hash = (hash ^ hour) * 0x100000001b3L;
		for (int i = 0; i < linkCode.length(); i++) {
			hash = (hash ^ linkCode.charAt(i)) * 0x100000001b3L;
		}
		hash = (hash ^ '|') * 0x100000001b3L;
		for (int i = 0; i < addressHash.length(); i++) {
			hash = (hash ^ addressHash.charAt(i)) * 0x100000001b3L;
		}
		return hash;
	}

}
