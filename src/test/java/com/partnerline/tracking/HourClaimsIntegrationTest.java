package com.partnerline.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.partnerline.support.IntegrationTest;
import com.partnerline.tracking.ClickWriter.Pending;
import com.partnerline.tracking.TrackingSettings.RepeatClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repeat rule under both deciders: this node in memory (rebuilt from the counted
 * clicks when a node starts, claims given back when a group fails) and the database
 * for several nodes on one database. Clicks of a vendor id of the test's own, in 2030,
 * so that no other test's clicks are among them.
 */
class HourClaimsIntegrationTest extends IntegrationTest {

	private static final Instant TEN = Instant.parse("2030-01-01T10:00:00Z");

	@Autowired
	DataSource dataSource;

	@Autowired
	HourClaims applicationClaims;

	private long vendorId;

	private final UUID partnerId = UUID.randomUUID();

	@BeforeEach
	void ownVendorId() {
		vendorId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
	}

	@Test
	void theEmbeddedDatabaseLetsThisNodeDecide() {
		assertThat(applicationClaims).isInstanceOf(NodeHourClaims.class);
	}

	@Test
	void aNodeThatStartsClaimsTheKeysOfTheCountedClicksOfTheCurrentAndThePreviousHour() {
		insertClick(TEN.plus(Duration.ofMinutes(5)), "addr-now", true);
		insertClick(TEN.minus(Duration.ofMinutes(50)), "addr-before", true);
		insertClick(TEN.minus(Duration.ofMinutes(40)), "addr-repeat", false);
		insertClick(TEN.minus(Duration.ofMinutes(121)), "addr-long-ago", true);
		NodeHourClaims claims = new NodeHourClaims();

		assertThat(claims.load(jdbc, TEN.plus(Duration.ofMinutes(30)))).isEqualTo(2);

		assertThat(claims.claimedIn(TEN.getEpochSecond())).isEqualTo(1);
		assertThat(claims.claimedIn(TEN.getEpochSecond() - 3600)).isEqualTo(1);
		assertThat(claims.claimedIn(TEN.getEpochSecond() - 3 * 3600)).isZero();
		boolean[] candidates = candidates(claims, click(TEN.plus(Duration.ofMinutes(31)), "addr-now"),
				click(TEN.minus(Duration.ofMinutes(10)), "addr-before"),
				click(TEN.minus(Duration.ofMinutes(10)), "addr-repeat"),
				click(TEN.plus(Duration.ofMinutes(31)), "addr-new"));
		assertThat(candidates).containsExactly(false, false, true, true);
	}

	@Test
	void aNodeCountsTheFirstClickOfAKeyAndForgetsHoursBeforeThePreviousOne() {
		NodeHourClaims claims = new NodeHourClaims();
		Pending bot = new Pending(vendorId, "bot", TEN, "link", partnerId, null, "addr", "Googlebot", null, true,
				new CompletableFuture<>());

		assertThat(candidates(claims, bot, click(TEN, "addr"), click(TEN.plusSeconds(60), "addr"),
				click(TEN.plusSeconds(3600), "addr")))
			.as("a bot claims nothing; the visitor's first click of each hour counts")
			.containsExactly(false, true, false, true);
		assertThat(claims.claimedIn(TEN.getEpochSecond())).isEqualTo(1);

		candidates(claims, click(TEN.plusSeconds(2 * 3600), "other"));
		assertThat(claims.claimedIn(TEN.getEpochSecond())).as("two hours on").isZero();
		assertThat(claims.claimedIn(TEN.getEpochSecond() + 3600)).isEqualTo(1);
	}

	@Test
	void aGroupThatCannotBeStoredGivesItsClaimsBack() throws Exception {
		AtomicInteger failuresLeft = new AtomicInteger(1);
		DataSource failingOnce = new DelegatingDataSource(dataSource) {
			@Override
			public Connection getConnection() throws SQLException {
				if (failuresLeft.getAndDecrement() > 0) {
					throw new SQLException("connection refused (test)");
				}
				return super.getConnection();
			}
		};
		ClickWriter writer = new ClickWriter(failingOnce, new TrackingSettings(1, 100, 0, RepeatClaims.NODE),
				new NodeHourClaims());
		writer.start();
		try {
			Pending lost = click(Instant.now(), "addr");
			assertThatThrownBy(() -> writer.record(lost).get(10, TimeUnit.SECONDS)).hasMessageContaining("connection refused");
			Pending retried = click(Instant.now(), "addr");
			writer.record(retried).get(10, TimeUnit.SECONDS);

			assertThat(stored(lost)).isNull();
			assertThat(stored(retried)).as("the retry is the first stored click of its key").isTrue();
		}
		finally {
			writer.stop();
		}
	}

	@Test
	void nodesSharingADatabaseCountAKeyOnce() throws Exception {
		TrackingSettings settings = new TrackingSettings(1, 100, 0, RepeatClaims.DATABASE);
		ClickWriter one = new ClickWriter(dataSource, settings, new SharedHourClaims(1000));
		ClickWriter other = new ClickWriter(dataSource, settings, new SharedHourClaims(1000));
		one.start();
		other.start();
		try {
			Instant now = Instant.now();
			Pending first = click(now, "addr");
			Pending second = click(now, "addr");
			Pending elsewhere = click(now, "addr-2");
			CompletableFuture.allOf(one.record(first), other.record(second), other.record(elsewhere))
				.get(10, TimeUnit.SECONDS);
			assertThat(List.of(stored(first), stored(second))).as("one of the two nodes' clicks counts")
				.containsExactlyInAnyOrder(true, false);
			assertThat(stored(elsewhere)).isTrue();

			// each node now remembers what it saw; the other learns it from click_hours
			Pending again = click(now.plusSeconds(1), "addr");
			Pending againElsewhere = click(now.plusSeconds(1), "addr-2");
			CompletableFuture.allOf(one.record(again), one.record(againElsewhere)).get(10, TimeUnit.SECONDS);
			assertThat(stored(again)).isFalse();
			assertThat(stored(againElsewhere)).isFalse();
		}
		finally {
			one.stop();
			other.stop();
		}
	}

	private Pending click(Instant at, String addressHash) {
		return new Pending(vendorId, ClickIdentity.newClickId(at), at, "link", partnerId, null, addressHash,
				"Mozilla/5.0", null, false, new CompletableFuture<>());
	}

	private static boolean[] candidates(HourClaims claims, Pending... clicks) {
		return claims.candidates(List.of(clicks), java.util.Arrays.stream(clicks).mapToLong(Pending::hourKey).toArray());
	}

	private void insertClick(Instant at, String addressHash, boolean counted) {
		jdbc.sql("""
				INSERT INTO clicks (vendor_id, click_id, occurred_at, link_code, partner_id, address_hash, bot, counted)
				VALUES (?, ?, ?, 'link', ?, ?, false, ?)""")
			.params(vendorId, ClickIdentity.newClickId(at), Timestamp.from(at), partnerId, addressHash, counted)
			.update();
	}

	/** Whether the click was stored as counted; null when it was not stored. */
	private Boolean stored(Pending click) {
		return jdbc.sql("SELECT counted FROM clicks WHERE vendor_id = ? AND click_id = ?")
			.params(click.vendorId(), click.clickId())
			.query(Boolean.class)
			.optional()
			.orElse(null);
	}

}
