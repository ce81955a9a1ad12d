package com.partnerline.partners;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.partnerline.accounts.AccountStatus;
import com.partnerline.partners.PartnerManagement.Registration;
import com.partnerline.support.Api;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end in headless Chromium: a partner signs up and joins; a vendor manager approves a proposal. */
class OnboardingBrowserTest extends IntegrationTest {

	private String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	@Test
	void signsUpThroughTheFormConfirmsByMailLogsOnAndJoinsKaspersky() {
		String email = unique("browser") + "@example.org";
		String password = "browser-secret-2026";
		try (Browser browser = Browser.open(baseUrl())) {
			browser.go("/signup?lang=en")
				.type("#email", email)
				.type("#password", password)
				.type("#name", "Brenda Browser")
				.type("#company", "Browser Reviews")
				.select("#country", "DE")
				.click("#acceptTerms")
				.click("#signup-submit");
			assertThat(browser.text("#signup-sent")).contains(email);

			String link = MailServer.link(mail().await(email), "/confirm?token=");
			// mailed on the configured public address; the browser reaches the same app on its test port
			assertThat(link).startsWith("https://partners.example.test/confirm?token=");
			browser.go(link.substring("https://partners.example.test".length()));
			assertThat(browser.text("#confirmed")).contains("active");

			browser.logIn(email, password);
			assertThat(browser.currentUrl()).endsWith("/panel");
			browser.click("#join-kaspersky input[name=acceptTermsVersion]").click("#join-kaspersky button[type=submit]");
			assertThat(browser.text("#joined")).contains("Kaspersky Lab");
			assertThat(browser.text("#program-kaspersky .program-type")).isEqualTo("Affiliate");
		}
		assertThat(jdbc.sql("""
				SELECT count(*) FROM program_memberships m JOIN accounts a ON a.id = m.partner_id
				JOIN vendors v ON v.id = m.vendor_id WHERE a.email = ? AND v.slug = 'kaspersky' AND m.type = 'AFFILIATE'""")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theDemoManagerApprovesAProposalInTheConsole() {
		String email = unique("applicant") + "@example.org";
		partners.register(new Registration(email, Fixtures.PASSWORD, "Applicant Ltd", "Applicant Ltd", "GB",
				partners.platformTerms().version(), Locale.ENGLISH), AccountStatus.ACTIVE, null, null);
		Api partner = api.as(Fixtures.token(api, email, Fixtures.PASSWORD));
		Api.Response submitted = partner.post("/api/v1/partner/programs/kaspersky/proposals", map("companyProfile",
				map("name", "Applicant Ltd", "website", "https://applicant.example.org", "country", "GB", "employees", 25,
						"description", "A security blog with 200,000 monthly readers."),
				"salesPlan", map("monthlyCommitment", "12000", "lines", List.of(map("sku", "KIS", "quantity", 120))),
				"marketingPlan", map("channels", List.of("WEBSITE", "SEARCH"), "description", "Reviews and guides.")));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		String id = submitted.json().path("proposalId").asString();

		try (Browser browser = Browser.open(baseUrl())) {
			browser.logIn("manager@kaspersky.example", "demo-manager-2026");
			browser.go("/console?lang=en").click("#review-queue");
			assertThat(browser.currentUrl()).contains("/console/proposals");
			browser.go("/console/proposals/" + id);
			assertThat(browser.text("#track-record")).contains("Member since");
			browser.select("#decision", "APPROVE")
				.type("#comment", "Welcome to the Internet Partner program.")
				.type("#commissionRate", "0.30")
				.select("#orderProcessing", "NETWORK")
				.setValue("#startsOn", LocalDate.now().plusDays(1).toString())
				.click("#decision-submit");
			assertThat(browser.text("#decided")).contains("recorded");
			assertThat(browser.text("#proposal-status")).isEqualTo("Approved");
			assertThat(browser.text("#contract-status")).isEqualTo("OFFERED");
		}
		Api.Response proposal = partner.get("/api/v1/partner/programs/kaspersky/proposals/" + id);
		assertThat(proposal.json().path("status").asString()).isEqualTo("APPROVED");
		assertThat(proposal.json().path("contract").path("commissionRate").decimalValue()).isEqualByComparingTo("0.30");
		assertThat(MailServer.text(mail().await(email))).contains("approved");
	}

	@Test
	void aPartnerAppliesInThePanelAndAcceptsItsContract() {
		Fixtures.TestVendor vendor = newVendor();
		Fixtures.TestPartner partner = newPartner(vendor);
		try (Browser browser = Browser.open(baseUrl())) {
			browser.logIn(partner.email(), Fixtures.PASSWORD);
			// the panel's home is the program's dashboard; the programs list offers the route
			browser.go("/panel/programs");
			browser.click("#apply-" + vendor.slug());
			// Sent without the plans first: each missing part is named on the form.
			browser.type("input[name=website]", "not a website").click("#proposal-submit");
			assertThat(browser.find("#proposal-errors").isDisplayed()).isTrue();
			assertThat(browser.pageSource()).contains("must be a web address");

			browser.type("input[name=companyName]", "Panel Reviews")
				.type("input[name=website]", "https://panel.example.org")
				.type("input[name=country]", "NL")
				.type("input[name=employees]", "5")
				.type("textarea[name=companyDescription]", "Reviews of office software.")
				.type("input[name=monthlyCommitment]", "8000")
				.select("select[name=sku]", "PROD")
				.type("input[name=quantity]", "80")
				.click("input[name=channels][value=WEBSITE]")
				.type("textarea[name=marketingDescription]", "Comparison tables and tutorials.")
				.click("#proposal-submit");
			assertThat(browser.text("#proposal-sent")).contains("Vendor " + vendor.slug());
			assertThat(browser.text("#program-" + vendor.slug() + " .proposal-status")).isEqualTo("Under review");

			String id = jdbc.sql("SELECT id::text FROM proposals WHERE partner_id = ?::uuid").param(partner.id())
				.query(String.class).single();
			assertThat(admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/proposals/" + id + "/decision",
					map("decision", "APPROVE", "contract", map("orderProcessing", "SELF", "startsOn",
							LocalDate.now().plusDays(3).toString()))).status()).isEqualTo(200);

			browser.go("/panel/programs");
			browser.click("#contract-" + vendor.slug() + " button[type=submit]");
			assertThat(browser.text("#contract-accepted")).contains("Internet Partner");
			assertThat(browser.text("#program-" + vendor.slug() + " .program-type")).isEqualTo("Internet Partner");
		}
	}

}
