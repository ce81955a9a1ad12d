package com.partnerline.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.partnerline.support.IntegrationTest;
import com.partnerline.tracking.ClickWriter.Pending;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repeat rule, decided by the database: of the clicks of one address on one link in
 * one hour, the first that is not a bot's is counted, however many writers (on one node
 * or several) store them. Clicks of a vendor id of the test's own, so that no other
 * test's clicks are among them.
 */
class RepeatClicksIntegrationTest extends IntegrationTest {

	private static final Instant TEN = Instant.parse("2030-01-01T10:00:00Z");

	@Autowired
	DataSource dataSource;

	private long vendorId;

	private final UUID partnerId = UUID.randomUUID();

	@BeforeEach
	void ownVendorId() {
		vendorId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
	}

	private ClickWriter writer(DataSource connections) {
		ClickWriter writer = new ClickWriter(JdbcClient.create(connections), new TrackingSettings(1, 100));
		writer.start();
		return writer;
	}

	@Test
	void twoWritersOnTheirOwnConnectionsCountAVisitorOncePerHour() throws Exception {
		ClickWriter one = writer(dataSource);
		ClickWriter other = writer(dataSource);
		try {
			List<Pending> clicks = new ArrayList<>();
			List<CompletableFuture<Void>> stored = new ArrayList<>();
			// 20 visitors click 10 times each within the hour, every click through either writer at once
			for (int round = 0; round < 10; round++) {
				for (int visitor = 0; visitor < 20; visitor++) {
					Pending click = click(TEN.plusSeconds(round * 60L + visitor), "visitor-" + visitor, false);
					clicks.add(click);
					stored.add((round + visitor) % 2 == 0 ? one.record(click) : other.record(click));
				}
			}
			// in the next hour each visitor counts again
			for (int visitor = 0; visitor < 20; visitor++) {
				Pending click = click(TEN.plusSeconds(3600 + visitor), "visitor-" + visitor, false);
				clicks.add(click);
				stored.add(visitor % 2 == 0 ? one.record(click) : other.record(click));
			}
			CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

			assertThat(count("true")).as("clicks stored").isEqualTo(220);
			assertThat(count("counted")).as("one counted click per visitor and hour").isEqualTo(40);
			assertThat(jdbc.sql("""
					SELECT count(*) FROM (SELECT address_hash, date_bin('1 hour', occurred_at, timestamptz 'epoch')
					  FROM clicks WHERE vendor_id = ? AND counted GROUP BY 1, 2 HAVING count(*) > 1) repeated""")
				.param(vendorId)
				.query(Long.class)
				.single()).as("visitor-hours counted twice").isZero();
		}
		finally {
			one.stop();
			other.stop();
		}
	}

	@Test
	void aBotsClickCountsNeverAndDoesNotUseUpTheVisitorsHour() throws Exception {
		ClickWriter writer = writer(dataSource);
		try {
			Pending bot = click(TEN, "addr", true);
			Pending first = click(TEN.plusSeconds(1), "addr", false);
			Pending again = click(TEN.plusSeconds(2), "addr", false);
			for (Pending click : List.of(bot, first, again)) {
				writer.record(click).get(10, TimeUnit.SECONDS);
			}
			assertThat(List.of(counted(bot), counted(first), counted(again))).containsExactly(false, true, false);
		}
		finally {
			writer.stop();
		}
	}

	@Test
	void aGroupThatCannotBeStoredLeavesTheHourToTheRetry() throws Exception {
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
		ClickWriter writer = writer(failingOnce);
		try {
			Pending lost = click(TEN, "addr", false);
			assertThatThrownBy(() -> writer.record(lost).get(10, TimeUnit.SECONDS))
				.hasRootCauseMessage("connection refused (test)");
			Pending retried = click(TEN.plusSeconds(1), "addr", false);
			writer.record(retried).get(10, TimeUnit.SECONDS);

			assertThat(jdbc.sql("SELECT count(*) FROM clicks WHERE vendor_id = ? AND click_id = ?")
				.params(vendorId, lost.clickId())
				.query(Long.class)
				.single()).isZero();
			assertThat(counted(retried)).as("the retry is the first stored click of its hour").isTrue();
		}
		finally {
			writer.stop();
		}
	}

	private Pending click(Instant at, String addressHash, boolean bot) {
		return new Pending(vendorId, ClickIdentity.newClickId(at), at, "link", partnerId, null, addressHash,
				bot ? "Googlebot/2.1" : "Mozilla/5.0", null, bot, new CompletableFuture<>());
	}

	private long count(String condition) {
		return jdbc.sql("SELECT count(*) FROM clicks WHERE vendor_id = ? AND " + condition)
			.param(vendorId)
			.query(Long.class)
			.single();
	}

	private boolean counted(Pending click) {
		return jdbc.sql("SELECT counted FROM clicks WHERE vendor_id = ? AND click_id = ?")
			.params(vendorId, click.clickId())
			.query(Boolean.class)
			.single();
	}

}
