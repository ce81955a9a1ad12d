package com.partnerline.tracking;

/**
 * A set of 64-bit hour keys in one {@code long[]} (open addressing, linear probing,
 * removal by backward shift, so no tombstones), growing as keys come. A set of boxed
 * {@code Long}s cost two objects per click that survived young collections again and
 * again until promoted, and the collector's time with them; a primitive array holds no
 * references at all. Not thread-safe: its owner synchronizes.
 */
final class HourKeySet {

	/** Marks a free slot; the key 0 itself is kept in {@link #hasZero}. */
	private static final long FREE = 0L;

	private static final int INITIAL_SLOTS = 1 << 10;

	private long[] slots = new long[INITIAL_SLOTS];

	private int size;

	private boolean hasZero;

	boolean contains(long key) {
		return key == FREE ? hasZero : slots[find(key)] == key;
	}

	/** @return whether the key was new */
	boolean add(long key) {
		if (key == FREE) {
			boolean added = !hasZero;
			hasZero = true;
			return added;
		}
		// at most half of the slots used keeps probe runs short
		if ((size + 1) * 2 > slots.length) {
			grow();
		}
		int i = find(key);
		if (slots[i] == key) {
			return false;
		}
		slots[i] = key;
		size++;
		return true;
	}

	/** @return whether the key was there */
	boolean remove(long key) {
		if (key == FREE) {
			boolean removed = hasZero;
			hasZero = false;
			return removed;
		}
		int i = find(key);
		if (slots[i] != key) {
			return false;
		}
		int mask = slots.length - 1;
		// shift later keys of the probe run back into the gap, so that none is cut off from its home slot
		int gap = i;
		for (int j = (gap + 1) & mask; slots[j] != FREE; j = (j + 1) & mask) {
			int home = slot(slots[j], mask);
			// the key at j may move to the gap unless its home lies cyclically in (gap, j]
			boolean homeAfterGap = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
			if (!homeAfterGap) {
				slots[gap] = slots[j];
				gap = j;
			}
		}
		slots[gap] = FREE;
		size--;
		return true;
	}

	int size() {
		return size + (hasZero ? 1 : 0);
	}

	void clear() {
		slots = new long[INITIAL_SLOTS];
		size = 0;
		hasZero = false;
	}

	private void grow() {
		long[] old = slots;
		slots = new long[old.length * 2];
		size = 0;
		for (long key : old) {
			if (key != FREE) {
				add(key);
			}
		}
	}

	/** The slot holding the key, or else the free slot that ends its probe run. */
	private int find(long key) {
		int mask = slots.length - 1;
		int i = slot(key, mask);
		while (slots[i] != key && slots[i] != FREE) {
			i = (i + 1) & mask;
		}
		return i;
	}

	private static int slot(long key, int mask) {
		// the keys are FNV-1a hashes already; fold the high bits in for the low-bit index
		return (int) (key ^ (key >>> 32)) & mask;
	}

}
