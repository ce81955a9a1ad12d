package com.partnerline.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.tracking.TrackingManagement.PastClick;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The partition job and the retention of raw clicks (ADR 0029), with clocks of their own
 * in 2000 and 2001: months no other test (and not the application's own job, whose clock
 * is today's and whose cutoff lies years later) has clicks in.
 */
class ClickPartitionsIntegrationTest extends IntegrationTest {

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

	@Autowired
	TrackingManagement tracking;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	@Qualifier("owner")
	DataSource owner;

	@Test
	void createsMonthsAheadMovesStrayClicksAndDropsExpiredMonthsButKeepsCountsAndClicksWithinTheCookieWindow()
			throws Exception {
		awaitTheApplicationsOwnFirstRun();
		TestVendor testVendor = newVendor();
		TestPartner partner = newPartner(testVendor);
		assertThat(admin.put("/api/v1/admin/vendors/" + testVendor.slug() + "/program", map("cookieDays", 365)).status())
			.isEqualTo(200);
		Vendor vendor = catalog.vendor(testVendor.slug());
		PartnerId partnerId = new PartnerId(java.util.UUID.fromString(partner.id()));
		String code = partner.api().post("/api/v1/partner/links", map("vendor", testVendor.slug(), "sku", "PROD")).json()
			.path("code").asString();
		Link link = tracking.findLink(code).orElseThrow();

		// March 2001: the months from the cutoff (February 2000) to three ahead (June 2001) get partitions
		ClickPartitions march = partitions(at("2001-03-10T12:00:00Z"));
		march.maintain();
		assertThat(march.partitions()).contains(YearMonth.of(2000, 2), YearMonth.of(2001, 3), YearMonth.of(2001, 6))
			.doesNotContain(YearMonth.of(2000, 1), YearMonth.of(2001, 7));
		ClickPartitions.Outcome again = march.maintain();
		assertThat(again.created()).as("a second run changes nothing").isEmpty();
		assertThat(again.dropped()).isEmpty();

		// clicks of March 2000 (two visitors, one twice), February 2001, and September 2001 (no partition yet)
		tracking.importClicks(link, List.of(click("2000-03-05T10:00:00Z", "10.1.0.1"), click("2000-03-05T10:10:00Z", "10.1.0.1"),
				click("2000-03-06T09:00:00Z", "10.1.0.2"), click("2001-02-20T08:00:00Z", "10.1.0.3"),
				click("2001-09-15T08:00:00Z", "10.1.0.4")));
		String old = clickIdAt(code, "2000-03-06T09:00:00Z");
		String recent = clickIdAt(code, "2001-02-20T08:00:00Z");
		String stray = clickIdAt(code, "2001-09-15T08:00:00Z");
		assertThat(partitionOf(old)).isEqualTo("clicks_y2000m03");
		assertThat(partitionOf(stray)).as("caught by the default partition, not refused").isEqualTo("clicks_default");

		// August 2001: months to November are made (September's click moves in) and months that
		// ended before July 2000 (13 months back) go
		ClickPartitions august = partitions(at("2001-08-01T00:30:00Z"));
		ClickPartitions.Outcome outcome = august.maintain();
		assertThat(outcome.created()).contains(YearMonth.of(2001, 7), YearMonth.of(2001, 9), YearMonth.of(2001, 11));
		assertThat(outcome.moved()).isEqualTo(1);
		assertThat(partitionOf(stray)).isEqualTo("clicks_y2001m09");
		assertThat(outcome.dropped()).contains(YearMonth.of(2000, 2), YearMonth.of(2000, 3), YearMonth.of(2000, 6))
			.doesNotContain(YearMonth.of(2000, 7));
		assertThat(august.partitions()).doesNotContain(YearMonth.of(2000, 3)).contains(YearMonth.of(2000, 7));
		assertThat(tracking.findClick(vendor.id(), old)).isEmpty();

		// statistics do not read raw clicks: March 2000 still has its three clicks, two counted
		assertThat(tracking.monthlyClicks(vendor, partnerId, YearMonth.of(2000, 3), YearMonth.of(2000, 3)))
			.containsExactly(new ClickMonth(YearMonth.of(2000, 3), 3, 2));
		assertThat(tracking.dailyClicks(vendor, partnerId, LocalDate.of(2000, 3, 5), LocalDate.of(2000, 3, 6)))
			.extracting(ClickDay::clicks)
			.containsExactly(2L, 1L);

		// attribution within the cookie window (365 days) still finds its click
		ResolvedReferral referral = tracking.resolve(vendor, new ReferralClaim(null, recent, null, null, null),
				Instant.parse("2001-08-01T00:30:00Z"));
		assertThat(referral.source()).isEqualTo(ReferralSource.CLICK);
		assertThat(referral.partnerId()).isEqualTo(partnerId);
	}

	@Test
	void aLookupByClickIdReadsOnlyThePartitionsOfTheTimeItNames() {
		partitions(at("2001-03-10T12:00:00Z")).maintain();
		String clickId = ClickIdentity.newClickId(Instant.parse("2001-02-20T08:00:00Z"));
		// the statement of TrackingStore.click, with a cookie window's start
		String plan = String.join("\n", jdbc.sql("""
				EXPLAIN SELECT vendor_id, click_id, link_code, partner_id, sub_id, occurred_at, bot, counted
				FROM clicks WHERE vendor_id = ? AND click_id = ?
				  AND occurred_at >= coalesce(?::timestamptz, '-infinity') AND occurred_at < coalesce(?::timestamptz, 'infinity')""")
			.params(1L, clickId, java.sql.Timestamp.from(Instant.parse("2001-01-21T08:00:00Z")),
					java.sql.Timestamp.from(ClickIdentity.timeOf(clickId).orElseThrow().plusSeconds(1)))
			.query(String.class)
			.list());
		assertThat(plan).contains("clicks_y2001m01", "clicks_y2001m02")
			.doesNotContain("clicks_y2001m03", "clicks_y2000m12", "clicks_default");
		assertThat(ClickIdentity.timeOf(clickId)).contains(Instant.parse("2001-02-20T08:00:00Z"));
		assertThat(ClickIdentity.timeOf("not-a-click-id")).isEmpty();
	}

	@Test
	void refusesARetentionShorterThanTheLongestCookieWindowAndAMonth() {
		LocalDate today = LocalDate.of(2026, 12, 3);
		assertThat(ClickPartitions.retention("P13M", today)).isEqualTo(Period.ofMonths(13));
		assertThat(ClickPartitions.retention("13", today)).isEqualTo(Period.ofMonths(13));
		assertThat(ClickPartitions.retention("P2Y", today)).isEqualTo(Period.ofYears(2));
		assertThat(ClickPartitions.retention("P400D", today)).isEqualTo(Period.ofDays(400));
		assertThatThrownBy(() -> ClickPartitions.retention("P12M", today)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PARTNERLINE_CLICKS_RETENTION")
			.hasMessageContaining("365 days");
		assertThatThrownBy(() -> ClickPartitions.retention("P6M", today)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> ClickPartitions.retention("thirteen months", today))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ISO-8601");
		// the cutoff never falls within the longest cookie window and a month, whatever the day
		ClickPartitions partitions = partitions(at("2028-03-31T00:00:00Z"));
		assertThat(partitions.cutoff(Instant.parse("2028-03-31T00:00:00Z")))
			.isBeforeOrEqualTo(Instant.parse("2028-03-31T00:00:00Z").minus(java.time.Duration.ofDays(365 + 31)));
	}

	private ClickPartitions partitions(Clock clock) {
		return new ClickPartitions(owner, clock, Period.ofMonths(13));
	}

	/** The application's own run at start and its first scheduled run are done (it shares the database). */
	private void awaitTheApplicationsOwnFirstRun() throws InterruptedException {
		for (int i = 0; i < 120; i++) {
			Boolean done = jdbc.sql("""
					SELECT last_success IS NOT NULL AND NOT picked FROM scheduled_tasks WHERE task_name = ?""")
				.param(ClickPartitionJob.TASK)
				.query(Boolean.class)
				.optional()
				.orElse(false);
			if (done) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the click partition job did not run");
	}

	private String clickIdAt(String code, String at) {
		return jdbc.sql("SELECT click_id FROM clicks WHERE link_code = ? AND occurred_at = ?")
			.params(code, java.sql.Timestamp.from(Instant.parse(at)))
			.query(String.class)
			.single();
	}

	private String partitionOf(String clickId) {
		return jdbc.sql("SELECT tableoid::regclass::text FROM clicks WHERE click_id = ?")
			.param(clickId)
			.query(String.class)
			.single();
	}

	private static PastClick click(String at, String address) {
		return new PastClick(Instant.parse(at), address, BROWSER, null);
	}

	private static Clock at(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

}
