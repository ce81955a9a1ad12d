package com.partnerline.communication;

import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.communication.CommunicationFixtures.Manager;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket's life through the public API, with the reply mailed over real SMTP
 * (GreenMail): open, queue, reply with a status, partner reply, close; and the
 * tenant rules: another partner's ticket and another vendor's queue are not found.
 */
class TicketLifecycleIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Test
	void partnerOpensManagerRepliesByMailPartnerAnswersAndTheTicketCloses() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		String tickets = "/api/v1/partner/programs/" + vendor.slug() + "/tickets";

		Api.Response opened = partner.api()
			.post(tickets, map("subject", "Missing commission for March", "category", "COMMISSIONS", "body",
					"Order 4711 is not on my statement."));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		assertThat(opened.json().path("status").asString()).isEqualTo("OPEN");
		String id = opened.json().path("ticketId").asString();

		// the manager's queue shows it, waiting for a first response within the affiliate target
		Api.Response queue = manager.api().get("/api/v1/admin/vendors/" + vendor.slug() + "/tickets?status=OPEN");
		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		assertThat(queue.json().path("total").asLong()).isEqualTo(1);
		var item = queue.json().path("items").get(0);
		assertThat(item.path("ticketId").asString()).isEqualTo(id);
		assertThat(item.path("category").asString()).isEqualTo("COMMISSIONS");
		assertThat(item.path("breached").asBoolean()).isFalse();
		assertThat(item.path("secondsLeft").asLong()).isGreaterThan(24 * 3600L);

		Api.Response reply = manager.api()
			.post("/api/v1/admin/vendors/" + vendor.slug() + "/tickets/" + id + "/messages",
					map("body", "We found the order and added it to April's statement.\nSorry for the wait."));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().path("status").asString()).isEqualTo("WAITING_FOR_PARTNER");

		MimeMessage mail = mail().await(partner.email());
		assertThat(mail.getSubject()).isEqualTo("Vendor " + vendor.slug() + " answered your ticket: Missing commission for March");
		assertThat(MailServer.text(mail)).contains("We found the order and added it to April's statement.")
			.contains("/panel/programs/" + vendor.slug() + "/tickets/" + id);
		assertThat(MailServer.html(mail)).contains("Sorry for the wait.");

		Api.Response answered = partner.api().post(tickets + "/" + id + "/messages", map("body", "Thank you!"));
		assertThat(answered.status()).as(answered.toString()).isEqualTo(201);

		Api.Response read = partner.api().get(tickets + "/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("status").asString()).isEqualTo("OPEN");
		assertThat(read.json().path("firstResponseAt").isMissingNode()).isFalse();
		List<String> authors = read.json().path("messages").valueStream().map(m -> m.path("author").asString()).toList();
		assertThat(authors).containsExactly("PARTNER", "VENDOR", "PARTNER");
		assertThat(read.json().path("messages").get(1).path("authorName").asString()).isEqualTo(manager.email());

		// closing with a last message; a closed ticket takes no more messages, and every message is kept
		Api.Response closed = manager.api()
			.post("/api/v1/admin/vendors/" + vendor.slug() + "/tickets/" + id + "/messages",
					map("body", "Glad we could help.", "status", "CLOSED"));
		assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
		mail().await(partner.email(), 2, java.time.Duration.ofSeconds(15));
		Api.Response late = partner.api().post(tickets + "/" + id + "/messages", map("body", "One more thing"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.header("Content-Type")).contains("application/problem+json");
		assertThat(messages(id)).isEqualTo(4);
		assertThat(manager.api().get("/api/v1/admin/vendors/" + vendor.slug() + "/tickets?status=CLOSED").json()
			.path("total").asLong()).isEqualTo(1);
	}

	@Test
	void anotherPartnersTicketIsNotFoundAndNotAnswerable() {
		TestVendor vendor = newVendor();
		TestPartner owner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		String tickets = "/api/v1/partner/programs/" + vendor.slug() + "/tickets";
		String id = owner.api()
			.post(tickets, map("subject", "Tracking", "category", "TRACKING", "body", "My clicks are not counted."))
			.json()
			.path("ticketId")
			.asString();

		assertThat(other.api().get(tickets + "/" + id).status()).isEqualTo(404);
		assertThat(other.api().post(tickets + "/" + id + "/messages", map("body", "Let me in")).status()).isEqualTo(404);
		assertThat(other.api().get(tickets).json().size()).isZero();
		assertThat(owner.api().get(tickets).json().size()).isEqualTo(1);
		assertThat(other.api().get(tickets + "/not-a-uuid").status()).isEqualTo(404);
		assertThat(messages(id)).isEqualTo(1);

		// the same ticket id under another vendor is not found either, nor is that vendor's queue for this one's manager
		TestVendor second = newVendor();
		newPartner(second);
		assertThat(owner.api().get("/api/v1/partner/programs/" + second.slug() + "/tickets/" + id).status())
			.isEqualTo(404);
		Manager stranger = CommunicationFixtures.manager(api, accounts, catalog, second);
		assertThat(stranger.api().get("/api/v1/admin/vendors/" + vendor.slug() + "/tickets").status()).isEqualTo(404);
		assertThat(stranger.api()
			.post("/api/v1/admin/vendors/" + second.slug() + "/tickets/" + id + "/messages", map("body", "Hi"))
			.status()).isEqualTo(404);
		assertThat(messages(id)).isEqualTo(1);
	}

	@Test
	void refusesIncompleteTicketsNamingEachFieldAndStoresNothing() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String tickets = "/api/v1/partner/programs/" + vendor.slug() + "/tickets";

		Api.Response refused = partner.api().post(tickets, map("subject", " ", "category", "BILLING"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactlyInAnyOrder("subject", "category", "body");
		Api.Response malformed = partner.api().send("POST", tickets, "{not json", "application/json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(partner.api().post(tickets, map("subject", "x".repeat(201), "category", "OTHER", "body", "b"))
			.errorFields()).containsExactly("subject");
		assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE partner_id = ?")
			.param(UUID.fromString(partner.id()))
			.query(Long.class)
			.single()).isZero();

		// a partner who is not in the program cannot open a ticket there
		TestVendor elsewhere = newVendor();
		assertThat(partner.api()
			.post("/api/v1/partner/programs/" + elsewhere.slug() + "/tickets",
					map("subject", "Hello", "category", "OTHER", "body", "Hi"))
			.status()).isEqualTo(404);
	}

	@Test
	void queueFiltersSortsPagesAndAssigns() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		String tickets = "/api/v1/partner/programs/" + vendor.slug() + "/tickets";
		String queue = "/api/v1/admin/vendors/" + vendor.slug() + "/tickets";
		for (int i = 1; i <= 3; i++) {
			partner.api().post(tickets, map("subject", "Banner " + i, "category", "MARKETING", "body", "Where?"));
		}
		String technical = partner.api()
			.post(tickets, map("subject", "API", "category", "TECHNICAL", "body", "401?"))
			.json()
			.path("ticketId")
			.asString();

		assertThat(manager.api().get(queue + "?category=MARKETING").json().path("total").asLong()).isEqualTo(3);
		Api.Response page = manager.api().get(queue + "?sort=NEWEST&size=2&page=0");
		assertThat(page.json().path("total").asLong()).isEqualTo(4);
		assertThat(page.json().path("items").size()).isEqualTo(2);
		assertThat(page.json().path("items").get(0).path("subject").asString()).isEqualTo("API");
		Api.Response second = manager.api().get(queue + "?sort=NEWEST&size=2&page=1");
		assertThat(second.json().path("items").get(1).path("subject").asString()).isEqualTo("Banner 1");
		assertThat(manager.api().get(queue + "?sort=OLDEST").json().path("items").get(0).path("subject").asString())
			.isEqualTo("Banner 1");
		// tickets opened just now are younger than a day
		assertThat(manager.api().get(queue + "?olderThanDays=1").json().path("total").asLong()).isZero();
		assertThat(manager.api().get(queue + "?status=LOST").errorFields()).containsExactly("status");

		Api.Response assigned = manager.api()
			.post(queue + "/" + technical, map("assignee", manager.email(), "status", "RESOLVED"));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(assigned.json().path("status").asString()).isEqualTo("RESOLVED");
		Api.Response mine = manager.api().get(queue + "?assignee=" + manager.email());
		assertThat(mine.json().path("total").asLong()).isEqualTo(1);
		assertThat(mine.json().path("items").get(0).path("assignee").asString()).isEqualTo(manager.email());
		assertThat(manager.api().post(queue + "/" + technical, map("assignee", "nobody@example.org")).errorFields())
			.containsExactly("assignee");

		// a partner's reply reopens a resolved ticket
		partner.api().post(tickets + "/" + technical + "/messages", map("body", "Still 401."));
		assertThat(partner.api().get(tickets + "/" + technical).json().path("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void programTargetsSetTheFirstResponseDue() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String targets = "/api/v1/admin/vendors/" + vendor.slug() + "/ticket-targets";
		assertThat(admin.get(targets).json().path("affiliateBusinessDays").asInt()).isEqualTo(2);
		assertThat(admin.get(targets).json().path("internetBusinessDays").asInt()).isEqualTo(1);
		assertThat(admin.put(targets, map("affiliateBusinessDays", 0)).errorFields())
			.containsExactly("affiliateBusinessDays");
		assertThat(admin.put(targets, map("affiliateBusinessDays", 5)).json().path("affiliateBusinessDays").asInt())
			.isEqualTo(5);

		Api.Response opened = partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", "Payout", "category", "COMMISSIONS", "body", "When?"));
		// five business days are at least seven calendar days
		java.time.OffsetDateTime due = java.time.OffsetDateTime.parse(opened.json().path("firstResponseDue").asString());
		assertThat(due).isAfter(java.time.OffsetDateTime.now().plusDays(6));
	}

	private long messages(String ticketId) {
		return jdbc.sql("SELECT count(*) FROM ticket_messages WHERE ticket_id = ?")
			.param(UUID.fromString(ticketId))
			.query(Long.class)
			.single();
	}

}
