package com.partnerline.invoicing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner enters its legal details in the control panel (a bad VAT id first), agrees to
 * self-billing, and after the close downloads its invoice from the link on the page.
 */
class InvoicingBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	private Browser browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open("http://127.0.0.1:" + port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	@Test
	void partnerEntersLegalDetailsAgreesAndDownloadsItsInvoice() throws Exception {
		InvoicingFixtures fx = new InvoicingFixtures(api, admin, port);
		TestVendor vendor = newVendor();
		fx.vendorDetails(vendor, "Vendor Software GmbH", "Hauptstrasse 1\n10115 Berlin", "DE", "DE123456789");
		TestPartner partner = newPartner(vendor);

		browser.logIn(partner.email(), Fixtures.PASSWORD);
		browser.go("/panel/legal-details");
		assertThat(browser.text("#invoices-section")).contains("No invoices yet");
		assertThat(browser.text("#agreements")).contains("Save your legal details first");
		browser.type("#legal-name", "Browser Partner SAS")
			.type("#legal-address", "5 avenue Foch\n69006 Lyon")
			.select("#legal-country", "FR")
			.type("#legal-vat", "DE123456789")
			.clickAndWait("#legal-save");
		assertThat(browser.text("#error-vatId")).contains("VAT number", "prefix of the address country");
		browser.type("#legal-vat", "FR 40 303265045").clickAndWait("#legal-save");
		assertThat(browser.text("main")).contains("Your legal details were saved.");
		assertThat(browser.find("#legal-vat").getAttribute("value")).isEqualTo("FR40303265045");

		browser.clickAndWait("#agree-submit-" + vendor.slug());
		assertThat(browser.text("main")).contains("Tick the box");
		browser.click("#agree-" + vendor.slug()).clickAndWait("#agree-submit-" + vendor.slug());
		assertThat(browser.text("#agreement-" + vendor.slug())).contains("agreed on", "SB-1");

		fx.order(vendor, partner, unique("br"), "2026-06-10T10:00:00Z", "600.00");
		fx.close(vendor, "2026-06");
		browser.go("/panel/legal-details");
		assertThat(browser.text("#invoices")).contains("SB-000001", "$120.00");
		String href = browser.find("#invoice-pdf-SB-000001").getAttribute("href");
		assertThat(href).endsWith("/panel/invoices/" + vendor.slug() + "/SB-000001/pdf");

		String cookies = browser.driver()
			.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
			.contains("invoice-" + vendor.slug() + "-SB-000001.pdf");
		assertThat(InvoicingFixtures.text(pdf.body())).contains("Browser Partner SAS", "FR40303265045",
				"Reverse charge: VAT to be accounted for by the recipient");
	}

	@Test
	void managerSavesTheVendorsLegalDetailsAndSeesTheInvoices() {
		InvoicingFixtures fx = new InvoicingFixtures(api, admin, port);
		TestVendor vendor = newVendor();
		String email = "manager-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
		Account manager = accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Mia Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, java.util.Locale.ENGLISH));
		accounts.grantVendor(manager.id(), catalog.vendor(vendor.slug()).id().value());

		browser.logIn(email, Fixtures.PASSWORD);
		browser.go("/console/vendors/" + vendor.slug() + "/invoices");
		assertThat(browser.text("main")).contains("No legal details yet", "No invoices yet");
		browser.type("#legal-name", "Vendor Software GmbH")
			.type("#legal-address", "Hauptstrasse 1\n10115 Berlin")
			.select("#legal-country", "DE")
			.type("#legal-vat", "DE123456789")
			.clickAndWait("#legal-save");
		assertThat(browser.text("main")).contains("Your legal details were saved.");

		TestPartner partner = newPartner(vendor);
		fx.selfBilling(partner, vendor, "Domestic Partner GmbH", "Weg 2\n10115 Berlin", "DE", "DE999999999");
		fx.order(vendor, partner, unique("con"), "2026-06-10T10:00:00Z", "600.00");
		fx.close(vendor, "2026-06");
		browser.go("/console/vendors/" + vendor.slug() + "/invoices");
		// 120.00 net, 19 % VAT 22.80, total 142.80
		assertThat(browser.text("#invoices")).contains("SB-000001", "Domestic Partner GmbH", "Domestic VAT", "$120.00",
				"$22.80", "$142.80");
	}

}
