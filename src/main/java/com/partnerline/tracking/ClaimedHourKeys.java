package com.partnerline.tracking;

import java.util.Arrays;

/**
 * The hour keys this node has seen claimed in {@code click_hours}, as a set of 64-bit
 * fingerprints in one {@code long[]} (open addressing, linear probing). A set of boxed
 * {@code Long}s cost two objects per click that survived young collections again and
 * again until promoted, and the collector's time with them; a primitive array holds no
 * references at all. Bounded: when it is full it starts over, and a forgotten key is
 * simply looked up in the database again. Thread-safe (the click writers share it).
 */
final class ClaimedHourKeys {

	/** Marks a free slot; the key 0 itself is kept in {@link #hasZero}. */
	private static final long FREE = 0L;

	private final long[] slots;

	private final int mask;

	private final int capacity;

	private int size;

	private boolean hasZero;

	/** A set for at most {@code capacity} keys, with at least half of its slots always free. */
	ClaimedHourKeys(int capacity) {
		this.capacity = capacity;
		this.slots = new long[Integer.highestOneBit(Math.max(capacity, 8) * 2 - 1) << 1];
		this.mask = slots.length - 1;
	}

	synchronized boolean contains(long key) {
		if (key == FREE) {
			return hasZero;
		}
		for (int i = slot(key);; i = (i + 1) & mask) {
			long found = slots[i];
			if (found == key) {
				return true;
			}
			if (found == FREE) {
				return false;
			}
		}
	}

	/** Adds the keys; when they would not fit, forgets every key first. */
	synchronized void addAll(long[] keys, int count) {
		if (size + count > capacity) {
			Arrays.fill(slots, FREE);
			size = 0;
			hasZero = false;
		}
		for (int k = 0; k < count; k++) {
			add(keys[k]);
		}
	}

	synchronized int size() {
		return size + (hasZero ? 1 : 0);
	}

	private void add(long key) {
		if (key == FREE) {
			hasZero = true;
			return;
		}
		for (int i = slot(key);; i = (i + 1) & mask) {
			long found = slots[i];
			if (found == key) {
				return;
			}
			if (found == FREE) {
				slots[i] = key;
				size++;
				return;
			}
		}
	}

	private int slot(long key) {
		// the keys are FNV-1a hashes already; fold the high bits in for the low-bit index
		return (int) (key ^ (key >>> 32)) & mask;
	}

}
