package com.partnerline.tracking;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HourKeySetUnitTest {

	@Test
	void remembersKeysIncludingZeroAndNegativeOnes() {
		HourKeySet keys = new HourKeySet();
		for (long key : new long[] { 0L, -1L, Long.MIN_VALUE, 42L }) {
			assertThat(keys.add(key)).as("first add of %d", key).isTrue();
		}
		assertThat(keys.add(42L)).isFalse();
		assertThat(keys.add(0L)).isFalse();
		assertThat(keys.contains(0L)).isTrue();
		assertThat(keys.contains(-1L)).isTrue();
		assertThat(keys.contains(Long.MIN_VALUE)).isTrue();
		assertThat(keys.contains(43L)).isFalse();
		assertThat(keys.size()).isEqualTo(4);
		assertThat(keys.remove(0L)).isTrue();
		assertThat(keys.contains(0L)).isFalse();
		assertThat(keys.size()).isEqualTo(3);
	}

	@Test
	void keysThatCollideStayFoundWhenOthersOfTheirRunAreRemoved() {
		HourKeySet keys = new HourKeySet();
		long[] colliding = new long[300];
		for (int i = 0; i < colliding.length; i++) {
			// same low bits, different high bits: the same home slot before folding
			colliding[i] = ((long) (i + 1) << 40) | 7L;
			keys.add(colliding[i]);
		}
		for (int i = 0; i < colliding.length; i += 3) {
			assertThat(keys.remove(colliding[i])).isTrue();
		}
		for (int i = 0; i < colliding.length; i++) {
			assertThat(keys.contains(colliding[i])).as("key %d", i).isEqualTo(i % 3 != 0);
		}
		assertThat(keys.remove(colliding[0])).as("removed already").isFalse();
		assertThat(keys.size()).isEqualTo(200);
	}

	@Test
	void agreesWithAHashSetThroughGrowthAndRemovals() {
		HourKeySet keys = new HourKeySet();
		Set<Long> expected = new HashSet<>();
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			// a narrow range, so that adds, repeats and removals of one key all happen
			long key = random.nextInt(50_000) * 0x9E3779B97F4A7C15L;
			if (random.nextInt(4) == 0) {
				assertThat(keys.remove(key)).isEqualTo(expected.remove(key));
			}
			else {
				assertThat(keys.add(key)).isEqualTo(expected.add(key));
			}
		}
		assertThat(keys.size()).isEqualTo(expected.size());
		for (long key = 0; key < 50_000; key++) {
			long k = key * 0x9E3779B97F4A7C15L;
			assertThat(keys.contains(k)).isEqualTo(expected.contains(k));
		}
		keys.clear();
		assertThat(keys.size()).isZero();
		assertThat(keys.contains(expected.iterator().next())).isFalse();
	}

}
