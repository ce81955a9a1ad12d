package com.partnerline.privacy;

import java.util.List;

import com.partnerline.privacy.PrivacyFixtures.Person;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure of a partner and of a customer email (issue 25): every figure stays exactly the
 * same, and the erased values are in no text column of any table afterwards.
 */
class ErasureIntegrationTest extends IntegrationTest {

	private static final String MAY = "2026-05";

	private static final String JUNE = "2026-06";

	@Test
	void erasesAPartnerEverywhereWhileStatementsPayoutsAndMonthlySumsStayTheSame() {
		TestVendor vendor = newVendor();
		Person person = PrivacyFixtures.person(api, partners, vendor, "era");
		Fixtures.TestPartner other = newPartner(vendor);
		String pid = person.partner().id().toString();
		// May: 600.00 → payable 120.00 on the statement and in the batch; June: a refund-free month with another order
		PrivacyFixtures.order(api, vendor, pid, unique("er-1"), "2026-05-10T10:00:00Z", "400.00", "c1@buyer.example");
		PrivacyFixtures.order(api, vendor, pid, unique("er-2"), "2026-05-12T10:00:00Z", "200.00", "c2@buyer.example");
		PrivacyFixtures.order(api, vendor, other.id(), unique("er-3"), "2026-05-13T10:00:00Z", "300.00",
				"c3@buyer.example");
		PrivacyFixtures.order(api, vendor, pid, unique("er-4"), "2026-06-02T10:00:00Z", "500.00", "c1@buyer.example");
		// a ticket in the partner's own words, and the vendor's reply mailed to it
		Api.Response ticket = person.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets", map("subject",
					"Payout question from " + person.company(), "category", "COMMISSIONS", "body",
					"Hello, this is " + person.name() + " of " + person.company() + ", IBAN " + person.iban()));
		assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
		Api.Response reply = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/tickets/"
				+ ticket.json().path("ticketId").asString() + "/messages", map("body", "We are on it."));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

		JsonNode may = close(vendor, MAY);
		JsonNode june = close(vendor, JUNE);
		long batchId = may.path("payoutBatchId").asLong();
		Api.Response paid = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/payouts/" + batchId + "/paid", null);
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		JsonNode mayStatement = statementOf(may, pid);
		assertThat(mayStatement.path("payable").asString()).isEqualTo("120.00");
		String batchBefore = batchFigures(vendor, batchId);
		assertThat(batchBefore).contains("120.00");
		Figures before = figures(vendor);
		for (String value : person.values()) {
			assertThat(PrivacyFixtures.grep(jdbc, value)).as("%s before the erasure", value).isNotEmpty();
		}
		String otherEmailBefore = other.email();

		Api.Response erased = admin.post("/api/v1/admin/partners/" + pid + "/erasure", null);
		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		String pseudonym = erased.json().path("pseudonym").asString();
		assertThat(pseudonym).startsWith("erased-");
		// again: the same answer, nothing new
		Api.Response again = admin.post("/api/v1/admin/partners/" + pid + "/erasure", null);
		assertThat(again.json().path("pseudonym").asString()).isEqualTo(pseudonym);

		// figures: the close answers, the statements, the batch and the vendor's monthly sums, exactly as before
		assertThat(close(vendor, MAY)).isEqualTo(may);
		assertThat(close(vendor, JUNE)).isEqualTo(june);
		assertThat(batchFigures(vendor, batchId)).isEqualTo(batchBefore);
		assertThat(figures(vendor)).isEqualTo(before);
		// personal data: nowhere in the database
		for (String value : person.values()) {
			assertThat(PrivacyFixtures.grep(jdbc, value)).as("%s after the erasure", value).isEmpty();
		}
		assertThat(PrivacyFixtures.grep(jdbc, pseudonym)).contains("partners.name", "accounts.display_name",
				"payout_items.account_holder", "erasures.pseudonym");
		// the other partner untouched
		assertThat(PrivacyFixtures.grep(jdbc, otherEmailBefore)).contains("accounts.email");
		// no way in any more: neither the password nor the old token
		assertThat(api.post("/api/v1/auth/token", map("email", person.email(), "password", Fixtures.PASSWORD)).status())
			.isEqualTo(401);
		assertThat(person.api().get("/api/v1/partner/me").status()).isEqualTo(401);
		// audited: who and what, never the erased values
		List<String> audit = jdbc.sql("SELECT actor || '|' || subject || '|' || coalesce(details, '') FROM audit_log "
				+ "WHERE action = 'PARTNER_ERASED' AND subject = ?")
			.param(pid)
			.query(String.class)
			.list();
		assertThat(audit).containsExactly("admin-token|" + pid + "|" + pseudonym);
	}

	@Test
	void erasesACustomerEmailFromOrdersTrialsAndMailsKeepingTheFigures() {
		TestVendor vendor = newVendor();
		Fixtures.TestPartner partner = newPartner(vendor);
		String customer = unique("buyer") + "@customer-" + unique("x") + ".example";
		PrivacyFixtures.order(api, vendor, partner.id(), unique("ce-1"), "2026-05-10T10:00:00Z", "250.00", customer);
		PrivacyFixtures.order(api, vendor, partner.id(), unique("ce-2"), "2026-05-11T10:00:00Z", "150.00",
				"someone-else@buyer.example");
		Api.Response trial = api.post("/api/v1/trials", map("vendor", vendor.slug(), "sku", "PROD", "email",
				customer.toUpperCase(java.util.Locale.ROOT), "ref", partner.code()));
		assertThat(trial.status()).as(trial.toString()).isEqualTo(201);
		JsonNode may = close(vendor, MAY);
		Figures before = figures(vendor);
		assertThat(PrivacyFixtures.grep(jdbc, customer)).contains("orders.customer_email", "trials.email");

		assertThat(admin.post("/api/v1/admin/customers/erasure", map("email", "not-an-email")).errorFields())
			.containsExactly("email");
		assertThat(admin.post("/api/v1/admin/customers/erasure", map("email", partner.email())).status())
			.isEqualTo(409);
		Api.Response erased = admin.post("/api/v1/admin/customers/erasure", map("email", " " + customer + " "));
		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

		assertThat(PrivacyFixtures.grep(jdbc, customer)).isEmpty();
		assertThat(close(vendor, MAY)).isEqualTo(may);
		assertThat(figures(vendor)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE customer_email = ? AND customer_ip IS NULL")
			.param(erased.json().path("pseudonym").asString() + "@erased.invalid")
			.query(Long.class)
			.single()).isEqualTo(1);
		// a partner's API does not reach it, a vendor manager's neither: the platform admin's only
		assertThat(partner.api().post("/api/v1/admin/customers/erasure", map("email", customer)).status())
			.isEqualTo(403);
	}

	private JsonNode close(TestVendor vendor, String month) {
		Api.Response response = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/periods/" + month + "/close",
				null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode statementOf(JsonNode close, String partnerId) {
		for (JsonNode statement : close.path("statements")) {
			if (statement.path("partnerId").asString().equals(partnerId)) {
				return statement;
			}
		}
		throw new AssertionError("no statement of " + partnerId + " in " + close);
	}

	private String batchFigures(TestVendor vendor, long batchId) {
		JsonNode batch = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/payouts/" + batchId).json();
		StringBuilder figures = new StringBuilder(batch.path("total").asString());
		for (JsonNode item : batch.path("items")) {
			figures.append('|').append(item.path("partnerId").asString()).append('=').append(item.path("amount").asString());
		}
		return figures.toString();
	}

	/** The vendor's monthly sums: orders and statements per month, payouts per batch. */
	private Figures figures(TestVendor vendor) {
		long vendorId = jdbc.sql("SELECT id FROM vendors WHERE slug = ?").param(vendor.slug()).query(Long.class).single();
		return new Figures(jdbc.sql("""
				SELECT to_char(period, 'YYYY-MM') || ' ' || count(*) || ' ' || sum(amount) || ' ' || sum(original_amount)
				FROM orders WHERE vendor_id = ? GROUP BY period ORDER BY period""")
			.param(vendorId)
			.query(String.class)
			.list(), jdbc.sql("""
					SELECT to_char(month, 'YYYY-MM') || ' ' || partner_id || ' ' || volume || ' ' || commission || ' '
					  || adjustments || ' ' || brought_forward || ' ' || payable || ' ' || carried_forward
					FROM statements WHERE vendor_id = ? ORDER BY month, partner_id""")
				.param(vendorId)
				.query(String.class)
				.list(),
				jdbc.sql("""
						SELECT batch_id || ' ' || statement_id || ' ' || partner_id || ' ' || amount FROM payout_items
						WHERE vendor_id = ? ORDER BY id""").param(vendorId).query(String.class).list());
	}

	record Figures(List<String> orders, List<String> statements, List<String> payouts) {
	}

}
