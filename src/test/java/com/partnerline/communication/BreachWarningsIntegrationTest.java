package com.partnerline.communication;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.communication.CommunicationFixtures.Manager;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers are warned once before a ticket misses its first-response target. The
 * job's time is passed in, as the scheduler would pass the clock's, so the test moves
 * it without waiting.
 */
class BreachWarningsIntegrationTest extends IntegrationTest {

	@Autowired
	BreachWarnings warnings;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Test
	void warnsTheManagersOnceShortlyBeforeTheTarget() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager first = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		Manager second = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		String id = open(vendor, partner, "Coupon not working");
		Instant due = due(id);

		// five hours ahead is outside the four-hour warning window
		warnings.warnAt(due.minus(Duration.ofHours(5)));
		assertThat(warnedAt(id)).isNull();

		warnings.warnAt(due.minus(Duration.ofHours(3)));
		warnings.warnAt(due.minus(Duration.ofHours(2)));
		warnings.warnAt(due.plus(Duration.ofHours(1)));
		assertThat(warnedAt(id)).isEqualTo(due.minus(Duration.ofHours(3)));

		MimeMessage mail = mail().await(first.email());
		mail().await(second.email());
		assertThat(mail.getSubject()).isEqualTo("First response due soon: Coupon not working");
		assertThat(MailServer.text(mail)).contains("3 h 0 min left")
			.contains("/console/vendors/" + vendor.slug() + "/tickets/" + id);
		Thread.sleep(1500);
		assertThat(mail().to(first.email())).hasSize(1);
		assertThat(mail().to(second.email())).hasSize(1);
	}

	@Test
	void answeredTicketsAreNotWarnedOfAndTwoNodesWarnOnce() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		String answered = open(vendor, partner, "Answered in time");
		String waiting = open(vendor, partner, "Still waiting");
		manager.api()
			.post("/api/v1/admin/vendors/" + vendor.slug() + "/tickets/" + answered + "/messages", map("body", "Done."));
		Instant at = due(waiting).minus(Duration.ofHours(1));

		var one = java.util.concurrent.CompletableFuture.supplyAsync(() -> warnings.warnAt(at));
		var two = java.util.concurrent.CompletableFuture.supplyAsync(() -> warnings.warnAt(at));
		one.join();
		two.join();

		assertThat(warnedAt(answered)).isNull();
		assertThat(warnedAt(waiting)).isEqualTo(at);
		mail().await(manager.email());
		Thread.sleep(1500);
		assertThat(mail().to(manager.email())).hasSize(1);

		// the queue shows the missed target once the due time has passed without an answer
		jdbc.sql("UPDATE tickets SET first_response_due = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), UUID.fromString(waiting))
			.update();
		var item = manager.api()
			.get("/api/v1/admin/vendors/" + vendor.slug() + "/tickets?status=OPEN")
			.json()
			.path("items")
			.get(0);
		assertThat(item.path("subject").asString()).isEqualTo("Still waiting");
		assertThat(item.path("breached").asBoolean()).isTrue();
		assertThat(item.path("secondsLeft").asLong()).isNegative();
	}

	@Test
	void aTicketFirstSeenAfterItsTargetIsReportedOverdueOnce() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		String id = open(vendor, partner, "Payout missing");
		Instant late = due(id).plus(Duration.ofMinutes(90));

		warnings.warnAt(late);
		warnings.warnAt(late.plusSeconds(60));

		MimeMessage mail = mail().await(manager.email());
		assertThat(mail.getSubject()).isEqualTo("First response overdue: Payout missing");
		assertThat(MailServer.text(mail)).contains("1 h 30 min ago");
		Thread.sleep(1500);
		assertThat(mail().to(manager.email())).hasSize(1);
		assertThat(warnedAt(id)).isEqualTo(late);
	}

	private String open(TestVendor vendor, TestPartner partner, String subject) {
		var response = partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", subject, "category", "TRACKING", "body", "Please help."));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("ticketId").asString();
	}

	private Instant due(String id) {
		return jdbc.sql("SELECT first_response_due FROM tickets WHERE id = ?")
			.param(UUID.fromString(id))
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private Instant warnedAt(String id) {
		Timestamp at = jdbc.sql("SELECT breach_warned_at FROM tickets WHERE id = ?")
			.param(UUID.fromString(id))
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return at == null ? null : at.toInstant();
	}

}
