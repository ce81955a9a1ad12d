package com.partnerline.tracking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimedHourKeysUnitTest {

	@Test
	void remembersKeysIncludingZeroAndNegativeOnes() {
		ClaimedHourKeys keys = new ClaimedHourKeys(100);
		keys.addAll(new long[] { 0L, -1L, Long.MIN_VALUE, 42L, 42L }, 5);
		assertThat(keys.contains(0L)).isTrue();
		assertThat(keys.contains(-1L)).isTrue();
		assertThat(keys.contains(Long.MIN_VALUE)).isTrue();
		assertThat(keys.contains(42L)).isTrue();
		assertThat(keys.contains(43L)).isFalse();
		assertThat(keys.size()).isEqualTo(4);
	}

	@Test
	void keysThatCollideInTheTableAreAllFound() {
		ClaimedHourKeys keys = new ClaimedHourKeys(1000);
		long[] colliding = new long[500];
		for (int i = 0; i < colliding.length; i++) {
			// same low bits, different high bits: the same home slot before folding
			colliding[i] = ((long) (i + 1) << 40) | 7L;
		}
		keys.addAll(colliding, colliding.length);
		for (long key : colliding) {
			assertThat(keys.contains(key)).isTrue();
		}
		assertThat(keys.contains((501L << 40) | 7L)).isFalse();
		assertThat(keys.size()).isEqualTo(500);
	}

	@Test
	void startsOverWhenFull() {
		ClaimedHourKeys keys = new ClaimedHourKeys(10);
		keys.addAll(new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 8);
		keys.addAll(new long[] { 9, 10, 11 }, 3);
		assertThat(keys.size()).isEqualTo(3);
		assertThat(keys.contains(1)).isFalse();
		assertThat(keys.contains(11)).isTrue();
	}

}
