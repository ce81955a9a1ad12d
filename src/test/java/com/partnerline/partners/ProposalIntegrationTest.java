package com.partnerline.partners;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.audit.AuditLog;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.PartnerId;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The Internet Partner track: proposals, their validation, each review decision, contracts and isolation. */
class ProposalIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	AuditLog audit;

	static Map<String, Object> proposal(String commitment) {
		return Fixtures.proposal(commitment);
	}

	private Api manager(TestVendor vendor, String email) {
		Account manager = accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(manager.id(), catalog.vendor(vendor.slug()).id().value());
		return api.as(Fixtures.token(api, email, Fixtures.PASSWORD));
	}

	private String submit(TestPartner partner, TestVendor vendor, String commitment) {
		Api.Response response = partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/proposals", proposal(commitment));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().path("status").asString()).isEqualTo("SUBMITTED");
		return response.json().path("proposalId").asString();
	}

	@Test
	void namesEachMissingOrInvalidPartOfAProposal() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String path = "/api/v1/partner/programs/" + vendor.slug() + "/proposals";

		Api.Response empty = partner.api().post(path, map());
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.errorFields()).containsExactlyInAnyOrder("companyProfile", "salesPlan", "marketingPlan");

		Api.Response invalid = partner.api().post(path, map("companyProfile",
				map("name", "X", "website", "javascript:alert(1)", "country", "ZZ", "employees", 0),
				"salesPlan", map("monthlyCommitment", "-5",
						"lines", List.of(map("sku", "NOPE", "quantity", 1), map("sku", "PROD", "quantity", 0))),
				"marketingPlan", map("channels", List.of(), "description", "")));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.errorFields()).containsExactlyInAnyOrder("companyProfile.website", "companyProfile.country",
				"companyProfile.employees", "companyProfile.description", "salesPlan.monthlyCommitment",
				"salesPlan.lines[0].sku", "salesPlan.lines[1].quantity", "marketingPlan.channels",
				"marketingPlan.description");

		Api.Response wrongType = partner.api().post(path, "{\"salesPlan\": {\"monthlyCommitment\": \"lots\"}}");
		assertThat(wrongType.status()).isEqualTo(422);
		assertThat(wrongType.errorFields()).containsExactly("salesPlan.monthlyCommitment");
		assertThat(jdbc.sql("SELECT count(*) FROM proposals WHERE partner_id = ?::uuid").param(partner.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void changesRequestedThenResubmittedThenRejectedWithMailsBothWays() throws Exception {
		TestVendor vendor = newVendor();
		String managerEmail = unique("manager") + "@vendor.example";
		Api manager = manager(vendor, managerEmail);
		TestPartner partner = newPartner(vendor);
		String id = submit(partner, vendor, "9000.00");

		MimeMessage toManager = mail().await(managerEmail);
		assertThat(toManager.getSubject()).isEqualTo("New Internet Partner proposal for Vendor " + vendor.slug());
		assertThat(MailServer.text(toManager)).contains("$9,000.00").contains("/console/proposals/" + id);
		assertThat(partner.api().post("/api/v1/partner/programs/" + vendor.slug() + "/proposals", proposal("1.00"))
			.status()).isEqualTo(409);

		String decide = "/api/v1/admin/vendors/" + vendor.slug() + "/proposals/" + id + "/decision";
		Api.Response noComment = manager.post(decide, map("decision", "REQUEST_CHANGES"));
		assertThat(noComment.status()).isEqualTo(422);
		assertThat(noComment.errorFields()).containsExactly("comment");
		assertThat(manager.post(decide, map("decision", "REQUEST_CHANGES", "comment", "Please add your PPC budget."))
			.status()).isEqualTo(200);

		Api.Response seen = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/proposals/" + id);
		assertThat(seen.json().path("status").asString()).isEqualTo("CHANGES_REQUESTED");
		assertThat(seen.json().path("comment").asString()).isEqualTo("Please add your PPC budget.");
		MimeMessage changes = mail().await(partner.email());
		assertThat(MailServer.text(changes)).contains("asks you to change").contains("Please add your PPC budget.");

		Api.Response resubmitted = partner.api()
			.put("/api/v1/partner/programs/" + vendor.slug() + "/proposals/" + id, proposal("12000.00"));
		assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
		assertThat(resubmitted.json().path("status").asString()).isEqualTo("SUBMITTED");
		mail().await(managerEmail, 2, java.time.Duration.ofSeconds(15));

		assertThat(manager.post(decide, map("decision", "REJECT", "comment", "Not this year.")).status()).isEqualTo(200);
		assertThat(partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/proposals/" + id).json()
			.path("status").asString()).isEqualTo("REJECTED");
		assertThat(MailServer.text(mail().await(partner.email(), 2, java.time.Duration.ofSeconds(15))))
			.contains("not to accept");
		// A decided proposal is not decided again.
		assertThat(manager.post(decide, map("decision", "REJECT", "comment", "Again")).status()).isEqualTo(409);
		assertThat(audit.entriesAbout(id)).extracting(AuditLog.Entry::action)
			.contains("PROPOSAL_SUBMITTED", "PROPOSAL_CHANGES_REQUESTED", "PROPOSAL_RESUBMITTED", "PROPOSAL_REJECTED");
	}

	@Test
	void aContractStartsOnAnyDayOfAMonthNotClosedYetAndNeverInAClosedOne() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String id = submit(partner, vendor, "9000");
		String decide = "/api/v1/admin/vendors/" + vendor.slug() + "/proposals/" + id + "/decision";
		// the vendor's time zone is UTC; last month has ended and is closed
		YearMonth thisMonth = YearMonth.now(java.time.ZoneOffset.UTC);
		YearMonth lastMonth = thisMonth.minusMonths(1);
		Api.Response close = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/periods/" + lastMonth + "/close",
				null);
		assertThat(close.status()).as(close.toString()).isEqualTo(200);

		Api.Response inClosedMonth = admin.post(decide, map("decision", "APPROVE", "contract",
				map("orderProcessing", "NETWORK", "startsOn", lastMonth.atEndOfMonth().toString())));
		assertThat(inClosedMonth.status()).as(inClosedMonth.toString()).isEqualTo(422);
		assertThat(inClosedMonth.errorFields()).containsExactly("contract.startsOn");

		// approved today, starting on the 1st of this month (before today from the 2nd on)
		Api.Response firstOfMonth = admin.post(decide, map("decision", "APPROVE", "contract",
				map("orderProcessing", "NETWORK", "startsOn", thisMonth.atDay(1).toString())));
		assertThat(firstOfMonth.status()).as(firstOfMonth.toString()).isEqualTo(200);
		assertThat(firstOfMonth.json().path("contract").path("startsOn").asString())
			.isEqualTo(thisMonth.atDay(1).toString());
	}

	@Test
	void approvalOffersAContractWithinTheCapUnlessOverriddenAndAcceptanceMakesAnInternetPartner() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String id = submit(partner, vendor, "15000");
		String decide = "/api/v1/admin/vendors/" + vendor.slug() + "/proposals/" + id + "/decision";
		String startsOn = LocalDate.now().plusDays(1).toString();

		Api.Response aboveCap = admin.post(decide, map("decision", "APPROVE", "contract",
				map("commissionRate", "0.40", "orderProcessing", "SELF", "startsOn", startsOn)));
		assertThat(aboveCap.status()).isEqualTo(422);
		assertThat(aboveCap.errorFields()).containsExactly("contract.commissionRate");
		Api.Response incomplete = admin.post(decide, map("decision", "APPROVE", "contract",
				map("orderProcessing", "BOTH", "startsOn", "2020-01-32")));
		assertThat(incomplete.errorFields()).containsExactlyInAnyOrder("contract.orderProcessing", "contract.startsOn");

		Api.Response approved = admin.post(decide, map("decision", "APPROVE", "comment", "Welcome aboard.", "contract",
				map("commissionRate", "0.40", "orderProcessing", "SELF", "startsOn", startsOn, "overrideCap", true)));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().path("contract").path("status").asString()).isEqualTo("OFFERED");
		assertThat(audit.entries(catalog.vendor(vendor.slug()).id().value(), 20)).extracting(AuditLog.Entry::action)
			.contains("PROPOSAL_APPROVED", "CONTRACT_OFFERED", "RATE_CAP_OVERRIDE");
		MimeMessage decision = mail().await(partner.email());
		assertThat(MailServer.text(decision)).contains("approved").contains("40%").contains("by your own store");
		assertThat(MailServer.html(decision)).contains("Welcome aboard.");

		// Not in force until the partner accepts.
		PartnerId partnerId = PartnerId.of(partner.id());
		var vendorId = catalog.vendor(vendor.slug()).id();
		assertThat(partners.activeContract(vendorId, partnerId)).isEmpty();
		assertThat(partner.api().get("/api/v1/partner/me").json().path("programs").get(0).path("type").asString())
			.isEqualTo("AFFILIATE");

		Api.Response accepted = partner.api().post("/api/v1/partner/programs/" + vendor.slug() + "/contract/accept", map());
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().path("type").asString()).isEqualTo("INTERNET");
		assertThat(partner.api().get("/api/v1/partner/me").json().path("programs").get(0).path("type").asString())
			.isEqualTo("INTERNET");
		Contract contract = partners.activeContract(vendorId, partnerId).orElseThrow();
		assertThat(contract.commissionRate()).isEqualByComparingTo(new BigDecimal("0.40"));
		assertThat(contract.isSelfProcessing()).isTrue();
		assertThat(contract.startsOn()).isEqualTo(LocalDate.parse(startsOn));
		assertThat(audit.entriesAbout(partner.id())).extracting(AuditLog.Entry::action).contains("CONTRACT_ACCEPTED");
		// Nothing left to accept, and an Internet Partner does not apply again.
		assertThat(partner.api().post("/api/v1/partner/programs/" + vendor.slug() + "/contract/accept", map()).status())
			.isEqualTo(404);
		assertThat(partner.api().post("/api/v1/partner/programs/" + vendor.slug() + "/proposals", proposal("1"))
			.status()).isEqualTo(409);
	}

	@Test
	void aPartnerSeesOnlyItsOwnProposalsAndAManagerOnlyItsVendors() {
		TestVendor vendor = newVendor();
		TestVendor otherVendor = newVendor();
		TestPartner owner = newPartner(vendor);
		TestPartner stranger = newPartner(vendor);
		String id = submit(owner, vendor, "8000");
		String path = "/api/v1/partner/programs/" + vendor.slug() + "/proposals/" + id;

		assertThat(stranger.api().get(path).status()).isEqualTo(404);
		assertThat(stranger.api().put(path, proposal("1")).status()).isEqualTo(404);
		assertThat(stranger.api().post("/api/v1/partner/programs/" + vendor.slug() + "/contract/accept", map()).status())
			.isEqualTo(404);
		assertThat(owner.api().get("/api/v1/partner/programs/" + otherVendor.slug() + "/proposals/" + id).status())
			.isEqualTo(404);
		assertThat(owner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/proposals/not-a-uuid").status())
			.isEqualTo(404);
		// Partners have no business in the vendor API.
		assertThat(owner.api().get("/api/v1/admin/vendors/" + vendor.slug() + "/proposals").status()).isEqualTo(403);

		Api otherManager = manager(otherVendor, unique("other") + "@vendor.example");
		assertThat(otherManager.get("/api/v1/admin/vendors/" + vendor.slug() + "/proposals").status()).isEqualTo(404);
		assertThat(otherManager.post("/api/v1/admin/vendors/" + vendor.slug() + "/proposals/" + id + "/decision",
				map("decision", "REJECT", "comment", "no")).status()).isEqualTo(404);
		assertThat(otherManager.post("/api/v1/admin/vendors/" + otherVendor.slug() + "/proposals/" + id + "/decision",
				map("decision", "REJECT", "comment", "no")).status()).isEqualTo(404);
		assertThat(owner.api().get(path).json().path("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void theReviewQueueFiltersSortsAndPages() {
		TestVendor vendor = newVendor();
		submit(newPartner(vendor), vendor, "7000");
		submit(newPartner(vendor), vendor, "20000");
		String rejected = submit(newPartner(vendor), vendor, "9000");
		admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/proposals/" + rejected + "/decision",
				map("decision", "REJECT", "comment", "No."));
		String base = "/api/v1/admin/vendors/" + vendor.slug() + "/proposals";

		Api.Response submitted = admin.get(base + "?status=SUBMITTED&sort=COMMITMENT&direction=desc");
		assertThat(submitted.json().path("total").asLong()).isEqualTo(2);
		// amounts are decimal strings (docs/api.md)
		assertThat(submitted.json().path("items").get(0).path("salesPlan").path("monthlyCommitment").isString()).isTrue();
		assertThat(submitted.json().path("items").get(0).path("salesPlan").path("monthlyCommitment").asString())
			.isEqualTo("20000");
		Api.Response page = admin.get(base + "?size=1&page=2");
		assertThat(page.json().path("total").asLong()).isEqualTo(3);
		assertThat(page.json().path("items")).hasSize(1);
		assertThat(admin.get(base + "?status=REJECTED").json().path("items").get(0).path("proposalId").asString())
			.isEqualTo(rejected);
		assertThat(admin.get(base + "?status=MAYBE").errorFields()).containsExactly("status");
	}

}
