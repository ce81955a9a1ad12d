package com.partnerline.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.PartnerId;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@RecordApplicationEvents
class ReportRemindersIntegrationTest extends IntegrationTest {

	@Autowired
	ReportReminders reminders;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ApplicationEvents events;

	@Test
	void remindsEachPartnerOnceAcrossTwoSchedulerRuns() {
		TestVendor vendor = newVendor();
		TestPartner internet = newPartner(vendor);
		TestPartner affiliate = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, internet, "SELF");
		Instant at = Instant.parse("2031-03-29T08:00:00Z");

		reminders.remindAt(at);
		reminders.remindAt(at);

		assertThat(reminded(internet)).extracting(ReportReminderDue::reportType, ReportReminderDue::kind,
				ReportReminderDue::month)
			.containsExactlyInAnyOrder(tuple(ReportType.FORECAST, ReminderKind.DUE_SOON, YearMonth.of(2031, 4)),
					tuple(ReportType.FORECAST, ReminderKind.OVERDUE, YearMonth.of(2031, 3)),
					tuple(ReportType.SALES, ReminderKind.OVERDUE, YearMonth.of(2031, 2)));
		assertThat(rows(internet)).isEqualTo(3);
		assertThat(reminded(affiliate)).isEmpty();
		assertThat(rows(affiliate)).isZero();
		ReportReminderDue dueSoon = reminded(internet).stream()
			.filter(e -> e.kind() == ReminderKind.DUE_SOON)
			.findFirst()
			.orElseThrow();
		assertThat(dueSoon.dueOn()).hasToString("2031-03-31");

		// each reminder is mailed once, in the partner's language, with a link to its reports
		jakarta.mail.internet.MimeMessage third = mail().await(internet.email(), 3, java.time.Duration.ofSeconds(20));
		assertThat(mail().to(internet.email())).hasSize(3);
		assertThat(mail().to(internet.email()).stream().map(ReportRemindersIntegrationTest::subject))
			.contains("Your forecast for April 2031 is due on Mar 31, 2031", "Your forecast for March 2031 is overdue",
					"Your sales report for February 2031 is overdue");
		assertThat(com.partnerline.support.MailServer.text(third)).contains("/panel/reports/" + vendor.slug());
		assertThat(mail().to(affiliate.email())).isEmpty();
	}

	private static String subject(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void remindsNobodyOfAReportFiledAlready() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, partner, "NETWORK");
		YearMonth next = ReportingFixtures.thisMonth().plusMonths(1);
		assertThat(partner.api()
			.put("/api/v1/partner/programs/" + vendor.slug() + "/reports/forecast/" + next,
					map("anticipatedVolume", "100", "lines", List.of()))
			.status()).isEqualTo(200);
		// three days before next month starts, in the month it was filed
		Instant at = next.atDay(1).minusDays(3).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);

		reminders.remindAt(at);

		assertThat(reminded(partner)).extracting(ReportReminderDue::reportType, ReportReminderDue::month)
			.doesNotContain(tuple(ReportType.FORECAST, next));
	}

	@Test
	void recordsEachReminderOnceWhenTwoNodesRunAtTheSameTime() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, partner, "SELF");
		// the database is kept across runs: count what this run adds
		Instant at = Instant.parse("2032-05-29T07:00:00Z");
		long before = recordedAt(at);

		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> reminders.remindAt(at));
		CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> reminders.remindAt(at));
		int sent = one.join() + two.join();

		assertThat(sent).isEqualTo(recordedAt(at) - before);
		assertThat(rows(partner)).isEqualTo(3);
	}

	private List<ReportReminderDue> reminded(TestPartner partner) {
		return events.stream(ReportReminderDue.class)
			.filter(e -> e.partnerId().equals(PartnerId.of(partner.id())))
			.toList();
	}

	private long recordedAt(Instant at) {
		return jdbc.sql("SELECT count(*) FROM report_reminders WHERE created_at = ?")
			.param(Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	private long rows(TestPartner partner) {
		return jdbc.sql("SELECT count(*) FROM report_reminders WHERE partner_id = ?")
			.param(UUID.fromString(partner.id()))
			.query(Long.class)
			.single();
	}

}
