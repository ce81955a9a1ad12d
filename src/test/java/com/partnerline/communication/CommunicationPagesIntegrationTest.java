package com.partnerline.communication;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.communication.CommunicationFixtures.Manager;
import com.partnerline.support.PageSession;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel and console pages keep to their tenant, filter the queue and speak the chosen language. */
class CommunicationPagesIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Test
	void pagesShowNoOtherPartnersTicketNorOtherVendorsQueue() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner owner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		String id = owner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", "Statement question", "category", "COMMISSIONS", "body", "Why 20 %?"))
			.json()
			.path("ticketId")
			.asString();

		PageSession intruder = PageSession.login(port, other.email(), Fixtures.PASSWORD);
		assertThat(intruder.get("/panel/programs/" + vendor.slug() + "/tickets/" + id).statusCode()).isEqualTo(404);
		intruder.get("/panel/programs/" + vendor.slug() + "/tickets");
		HttpResponse<String> reply = intruder.post("/panel/programs/" + vendor.slug() + "/tickets/" + id + "/messages",
				Map.of("body", "Let me in"));
		assertThat(reply.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM ticket_messages WHERE ticket_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(intruder.get("/panel/programs/" + vendor.slug() + "/tickets").body())
			.doesNotContain("Statement question");

		TestVendor second = newVendor();
		Manager stranger = CommunicationFixtures.manager(api, accounts, catalog, second);
		PageSession strangerSession = PageSession.login(port, stranger.email(), Fixtures.PASSWORD);
		assertThat(strangerSession.get("/console/vendors/" + vendor.slug() + "/tickets").statusCode()).isEqualTo(404);
		assertThat(strangerSession.get("/console/vendors/" + second.slug() + "/tickets/" + id).statusCode())
			.isEqualTo(404);
		assertThat(strangerSession.get("/console/vendors/" + vendor.slug() + "/announcements").statusCode())
			.isEqualTo(404);
	}

	@Test
	void queuePageFiltersAndSpeaksTheChosenLanguage() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", "Banner sizes", "category", "MARKETING", "body", "Which sizes?"));
		PageSession session = PageSession.login(port, manager.email(), Fixtures.PASSWORD);
		String queue = "/console/vendors/" + vendor.slug() + "/tickets";

		assertThat(session.get(queue + "?lang=en").body()).contains("Banner sizes").contains("1 ticket").doesNotContain("1 tickets");
		String filtered = session.get(queue + "?category=TECHNICAL").body();
		assertThat(filtered).doesNotContain("Banner sizes").contains("No ticket matches these filters.");
		assertThat(session.get(queue + "?lang=de").body()).contains("Support von Vendor " + vendor.slug())
			.contains("Marketing")
			.contains("lang=\"de\"");
		assertThat(session.get(queue + "?lang=fr").body()).contains("Support de Vendor " + vendor.slug());
		assertThat(session.get(queue + "?lang=ru").body()).contains("Поддержка Vendor " + vendor.slug());
	}

}
