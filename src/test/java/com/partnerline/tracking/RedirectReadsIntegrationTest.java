package com.partnerline.tracking;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads of the redirect path: links not cached yet are read in groups, with their
 * vendor's cookie window, and an aged window is read again in the background while
 * visits go on with the one they have.
 */
class RedirectReadsIntegrationTest extends IntegrationTest {

	@Autowired
	RedirectReads reads;

	@Autowired
	ClickWriter writer;

	@Autowired
	ClickIdentity identity;

	@Autowired
	DataSource dataSource;

	/** A clock the test moves. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-11-27T10:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	String link(TestPartner partner, TestVendor vendor) {
		return partner.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD")).json()
			.path("code").asString();
	}

	@Test
	void readsLinksNotCachedInGroupsAndEachCodeOnce() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			codes.add(link(partner, vendor));
		}
		Redirects redirects = new Redirects(reads, writer, identity, new MovableClock(), new SimpleMeterRegistry());
		long groupsBefore = reads.groups();
		List<CompletableFuture<Redirects.Target>> lookups = new ArrayList<>();
		CompletableFuture<Redirects.Target> unknown;
		// the links table locked: the reader's first group waits, so the visits that follow queue
		// behind it as they would under load (an idle reader would take each code on its own)
		try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
			lock.setAutoCommit(false);
			statement.execute("LOCK TABLE links IN ACCESS EXCLUSIVE MODE");
			for (String code : codes) {
				// every code twice in a row: the second visit waits for the first one's read
				CompletableFuture<Redirects.Target> first = redirects.lookup(code);
				CompletableFuture<Redirects.Target> second = redirects.lookup(code);
				assertThat(second.isDone() || second == first).as("one read per code in flight").isTrue();
				lookups.add(first);
				lookups.add(second);
			}
			unknown = redirects.lookup("NoSuchCode42");
			lock.commit();
		}
		for (int i = 0; i < lookups.size(); i++) {
			Redirects.Target target = lookups.get(i).join();
			assertThat(target.code()).isEqualTo(codes.get(i / 2));
			assertThat(target.vendorId()).isEqualTo(vendorId(vendor));
			assertThat(target.partnerId()).hasToString(partner.id());
			assertThat(target.url()).startsWith("https://");
		}
		assertThat(unknown.join()).isNull();
		// 20 links, one unknown code and the vendor's cookie window: a few groups, not one read per visit
		assertThat(reads.groups() - groupsBefore).isBetween(2L, 10L);
		// read once, then cached: no more reads for these codes
		long groupsAfter = reads.groups();
		for (String code : codes) {
			assertThat(redirects.cached(code)).isNotNull();
			assertThat(redirects.lookup(code)).isCompleted();
		}
		assertThat(reads.groups()).isEqualTo(groupsAfter);
	}

	@Test
	void readsAnAgedCookieWindowAgainWhileVisitsGoOnWithTheOneTheyHave() {
		TestVendor vendor = newVendor();
		setCookieWindow(vendor, 7);
		TestPartner partner = newPartner(vendor);
		String code = link(partner, vendor);
		MovableClock clock = new MovableClock();
		Redirects redirects = new Redirects(reads, writer, identity, clock, new SimpleMeterRegistry());
		assertThat(maxAge(redirects, redirects.lookup(code).join())).isEqualTo(7 * 86_400);

		setCookieWindow(vendor, 3);
		clock.advance(Duration.ofSeconds(59));
		assertThat(maxAge(redirects, redirects.cached(code))).as("a window younger than a minute is used as it is")
			.isEqualTo(7 * 86_400);

		clock.advance(Duration.ofSeconds(2));
		Redirects.Target target = redirects.cached(code);
		assertThat(target).as("an aged window does not keep the visit waiting").isNotNull();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (maxAge(redirects, target) != 3 * 86_400 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(maxAge(redirects, target)).as("the window read again").isEqualTo(3 * 86_400);
	}

	private long vendorId(TestVendor vendor) {
		return jdbc.sql("SELECT id FROM vendors WHERE slug = ?").param(vendor.slug()).query(Long.class).single();
	}

	private static int maxAge(Redirects redirects, Redirects.Target target) {
		Redirects.Visit visit = redirects.visit(target, "192.0.2.7", "Mozilla/5.0", null, false);
		visit.recorded().join();
		String cookie = visit.cookie();
		int start = cookie.indexOf("Max-Age=") + "Max-Age=".length();
		return Integer.parseInt(cookie.substring(start, cookie.indexOf(';', start)));
	}

}
