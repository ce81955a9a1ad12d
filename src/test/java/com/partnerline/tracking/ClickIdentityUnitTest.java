package com.partnerline.tracking;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickIdentityUnitTest {

	@Test
	void clickIdsSortByTimeAndDifferWithinOneMillisecond() {
		Instant t = Instant.parse("2026-11-27T09:30:00.123Z");
		String earlier = ClickIdentity.newClickId(t);
		String later = ClickIdentity.newClickId(t.plusMillis(1));
		String muchLater = ClickIdentity.newClickId(t.plusSeconds(86_400L * 365 * 50));
		assertThat(earlier).hasSize(18).matches("[0-9A-Za-z]{18}");
		assertThat(earlier.compareTo(later)).isNegative();
		assertThat(later.compareTo(muchLater)).isNegative();
		Set<String> sameMillisecond = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			sameMillisecond.add(ClickIdentity.newClickId(t));
		}
		assertThat(sameMillisecond).hasSize(10_000);
	}

}
