package com.partnerline.invoicing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.PartnerErased;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-billed invoices end to end: legal details and agreement through the API, a month
 * close issues the invoices, the PDFs read back with PDFBox (figures by hand), the
 * statement mail carries the invoice, another partner cannot fetch it, erasure.
 */
class SelfBilledInvoicesIntegrationTest extends IntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	SelfBilling selfBilling;

	@Autowired
	InvoicePdf pdf;

	@Autowired
	PlatformTransactionManager transactionManager;

	InvoicingFixtures fx;

	@BeforeEach
	void fixtures() {
		fx = new InvoicingFixtures(api, admin, port);
	}

	@Test
	void domesticInvoiceChargesTheCountrysVatRoundedOnce() {
		TestVendor vendor = newVendor();
		fx.vendorDetails(vendor, "Vendor Software GmbH", "Hauptstrasse 1\n10115 Berlin", "DE", "DE 123 456 789");
		TestPartner partner = newPartner(vendor);
		fx.selfBilling(partner, vendor, "Muster Marketing GmbH", "Marktplatz 5\n80331 München", "DE", "DE987654321");
		// 633.33 → A2 (20%) → 126.666 → commission 126.67; VAT 19% of 126.67 = 24.0673 → 24.07; total 150.74
		fx.order(vendor, partner, unique("dom"), "2026-06-10T10:00:00Z", "633.33");
		fx.close(vendor, "2026-06");

		JsonNode invoices = fx.invoices(partner);
		assertThat(invoices).hasSize(1);
		JsonNode invoice = invoices.get(0);
		assertThat(invoice.path("number").asString()).isEqualTo("SB-000001");
		assertThat(invoice.path("net").asString()).isEqualTo("126.67");
		assertThat(invoice.path("vat").asString()).isEqualTo("24.07");
		assertThat(invoice.path("gross").asString()).isEqualTo("150.74");
		assertThat(invoice.path("vatTreatment").asString()).isEqualTo("DOMESTIC");

		String text = fx.invoiceText(partner, vendor, "SB-000001", "en");
		assertThat(text).contains("Self-billed invoice", "Self-billing: issued by Vendor Software GmbH on behalf of "
				+ "Muster Marketing GmbH", "SB-000001", "Muster Marketing GmbH", "Marktplatz 5", "80331 München",
				"VAT number: DE987654321", "Vendor Software GmbH", "VAT number: DE123456789", "Sales commission for June 2026",
				"$126.67", "VAT 19%", "$24.07", "$150.74", "with the payout batch of June 2026", "terms SB-1");
		assertThat(text).doesNotContain("Reverse charge");
		// the partner's language is its account's; the same invoice in German
		Invoice stored = selfBilling.invoice(catalog.vendor(vendor.slug()).id(), 1).orElseThrow();
		assertThat(InvoicingFixtures.text(pdf.render(stored, Locale.GERMAN))).contains("Gutschrift",
				"Umsatzsteuer 19 %", "24,07", "150,74", "Deutschland", "Vertriebsprovision für Juni 2026");
	}

	@Test
	void crossBorderInvoiceInTheEuCarriesTheReverseChargeNoteAndNoVat() {
		TestVendor vendor = newVendor();
		fx.vendorDetails(vendor, "Vendor Software GmbH", "Hauptstrasse 1\n10115 Berlin", "DE", "DE123456789");
		TestPartner french = newPartner(vendor);
		fx.selfBilling(french, vendor, "Partenaire Numérique SARL", "12 rue de la Paix\n75002 Paris", "FR",
				"FR 40 303 265 045");
		TestPartner american = newPartner(vendor);
		fx.selfBilling(american, vendor, "Affiliate Media LLC", "1 Main Street\nSpringfield, IL 62701", "US", "");
		// 600.00 → A2 (20%) → 120.00; 700.00 → 140.00
		fx.order(vendor, french, unique("fr"), "2026-06-11T10:00:00Z", "600.00");
		fx.order(vendor, american, unique("us"), "2026-06-12T10:00:00Z", "700.00");
		fx.close(vendor, "2026-06");

		JsonNode frInvoice = fx.invoices(french).get(0);
		assertThat(frInvoice.path("vatTreatment").asString()).isEqualTo("REVERSE_CHARGE");
		assertThat(frInvoice.path("net").asString()).isEqualTo("120.00");
		assertThat(frInvoice.path("vat").asString()).isEqualTo("0.00");
		assertThat(frInvoice.path("gross").asString()).isEqualTo("120.00");
		String text = fx.invoiceText(french, vendor, frInvoice.path("number").asString(), "en");
		assertThat(text).contains("Partenaire Numérique SARL", "VAT number: FR40303265045", "VAT number: DE123456789",
				"Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).", "$120.00");
		Invoice stored = selfBilling
			.invoice(catalog.vendor(vendor.slug()).id(), InvoicingApiController.parse(frInvoice.path("number").asString()))
			.orElseThrow();
		assertThat(InvoicingFixtures.text(pdf.render(stored, Locale.FRENCH))).contains("Autoliquidation",
				"2006/112/CE");
		assertThat(InvoicingFixtures.text(pdf.render(stored, Locale.forLanguageTag("ru")))).contains(
				"Самовыставленный счёт", "Обратное начисление");

		JsonNode usInvoice = fx.invoices(american).get(0);
		assertThat(usInvoice.path("vatTreatment").asString()).isEqualTo("OUTSIDE_SCOPE");
		assertThat(usInvoice.path("gross").asString()).isEqualTo("140.00");
		assertThat(fx.invoiceText(american, vendor, usInvoice.path("number").asString(), "en"))
			.contains("Affiliate Media LLC", "outside the scope of EU VAT")
			.doesNotContain("Reverse charge");
		// numbers 1 and 2 of this vendor, one each
		assertThat(List.of(frInvoice.path("number").asString(), usInvoice.path("number").asString()))
			.containsExactlyInAnyOrder("SB-000001", "SB-000002");
	}

	@Test
	void statementMailCarriesTheInvoiceAndThePayoutMonth() throws Exception {
		TestVendor vendor = newVendor();
		fx.vendorDetails(vendor, "Vendor Software GmbH", "Hauptstrasse 1\n10115 Berlin", "DE", "DE123456789");
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/program", map("payoutDelayMonths", 1))
			.status()).isEqualTo(200);
		TestPartner partner = newPartner(vendor);
		fx.selfBilling(partner, vendor, "Mail Partner BV", "Damrak 1\n1012 LG Amsterdam", "NL", "NL123456789B01");
		fx.order(vendor, partner, unique("mail"), "2026-07-10T10:00:00Z", "600.00");
		fx.close(vendor, "2026-07");

		MimeMessage mail = mail().await(partner.email());
		assertThat(MailServer.text(mail)).contains("paid with the payout batch of August 2026");
		List<Part> attachments = new ArrayList<>();
		collectAttachments(mail.getContent(), attachments);
		assertThat(attachments).hasSize(1);
		assertThat(attachments.get(0).getFileName()).isEqualTo("invoice-" + vendor.slug() + "-SB-000001.pdf");
		assertThat(attachments.get(0).isMimeType("application/pdf")).isTrue();
		String text = InvoicingFixtures.text(attachments.get(0).getInputStream().readAllBytes());
		assertThat(text).contains("Mail Partner BV", "NL123456789B01", "Reverse charge", "$120.00",
				"with the payout batch of August 2026");
		// the outbox keeps a reference, not the document
		assertThat(jdbc.sql("SELECT reference FROM mail_outbox_attachments a JOIN mail_outbox m ON m.id = a.mail_id "
				+ "WHERE m.recipient = ?").param(partner.email()).query(String.class).list()).hasSize(1);
	}

	@Test
	void aPartnerCannotDownloadAnotherPartnersInvoice() {
		TestVendor vendor = newVendor();
		fx.vendorDetails(vendor, "Vendor Software GmbH", "Hauptstrasse 1\n10115 Berlin", "DE", "DE123456789");
		TestPartner owner = newPartner(vendor);
		fx.selfBilling(owner, vendor, "Owner GmbH", "Weg 1\n20095 Hamburg", "DE", "DE111111111");
		TestPartner other = newPartner(vendor);
		fx.order(vendor, owner, unique("own"), "2026-06-10T10:00:00Z", "600.00");
		fx.close(vendor, "2026-06");
		String path = "/api/v1/partner/programs/" + vendor.slug() + "/invoices/SB-000001";
		assertThat(fx.download(owner.token(), path, "en").statusCode()).isEqualTo(200);
		HttpResponse<byte[]> foreign = fx.download(other.token(), path, "en");
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(new String(foreign.body())).doesNotContain("Owner GmbH");
		assertThat(fx.invoices(other)).isEmpty();
		// nor through the panel, nor can the vendor's console of another vendor see it
		assertThat(fx.download(other.token(), "/panel/invoices/" + vendor.slug() + "/SB-000001/pdf", "en").statusCode())
			.isNotEqualTo(200);
	}

	@Test
	void badLegalDetailsAreRefusedFieldByFieldAndNothingIsStored() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Api.Response response = partner.api()
			.put("/api/v1/partner/legal-details",
					Fixtures.map("legalName", "", "address", "Street 1", "country", "EL", "vatId", "123"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("legalName", "country");
		response = partner.api()
			.put("/api/v1/partner/legal-details",
					Fixtures.map("legalName", "Athens Ltd", "address", "Odos 1\n10552 Athens", "country", "GR", "vatId",
							"GR123456789"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("vatId");
		assertThat(partner.api().get("/api/v1/partner/legal-details").status()).isEqualTo(404);
		// agreement before details: 409; with details and a wrong version: 422 naming termsVersion
		assertThat(partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/self-billing", Fixtures.map("termsVersion", "SB-1"))
			.status()).isEqualTo(409);
		assertThat(partner.api()
			.put("/api/v1/partner/legal-details",
					Fixtures.map("legalName", "Athens Ltd", "address", "Odos 1\n10552 Athens", "country", "GR", "vatId",
							"EL123456789"))
			.status()).isEqualTo(200);
		Api.Response wrong = partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/self-billing", Fixtures.map("termsVersion", "SB-0"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.errorFields()).containsExactly("termsVersion");
	}

	@Test
	void theAgreementIsRecordedWithTheContract() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		var vendorId = catalog.vendor(vendor.slug()).id();
		Fixtures.internetContract(jdbc, partners, vendorId, partner.id(), null, "NETWORK");
		fx.selfBilling(partner, vendor, "Internet Partner AG", "Bahnhofstrasse 1\n8001 Zürich", "CH", "CHE123456789");
		var row = jdbc.sql("""
				SELECT a.terms_version, a.agreed_by, a.contract_id = c.id AS same FROM self_billing_agreements a
				JOIN contracts c ON c.vendor_id = a.vendor_id AND c.partner_id = a.partner_id AND c.status = 'ACCEPTED'
				WHERE a.partner_id = ?""").param(UUID.fromString(partner.id())).query().singleRow();
		assertThat(row.get("terms_version")).isEqualTo("SB-1");
		assertThat(row.get("agreed_by")).isEqualTo(UUID.fromString(partner.id()));
		assertThat(row.get("same")).isEqualTo(true);
	}

	@Test
	void erasureReplacesTheLegalIdentityByThePseudonymAndKeepsNumbersAndAmounts() {
		TestVendor vendor = newVendor();
		fx.vendorDetails(vendor, "Vendor Software GmbH", "Hauptstrasse 1\n10115 Berlin", "DE", "DE123456789");
		TestPartner partner = newPartner(vendor);
		fx.selfBilling(partner, vendor, "Secret Name GmbH", "Geheimweg 7\n50667 Köln", "DE", "DE222222222");
		fx.order(vendor, partner, unique("er"), "2026-06-10T10:00:00Z", "600.00");
		fx.close(vendor, "2026-06");
		String pseudonym = "erased-" + UUID.randomUUID().toString().substring(0, 8);
		new TransactionTemplate(transactionManager).executeWithoutResult(
				status -> events.publishEvent(new PartnerErased(PartnerId.of(partner.id()), pseudonym)));

		UUID id = UUID.fromString(partner.id());
		assertThat(jdbc.sql("SELECT count(*) FROM partner_legal_details WHERE partner_id = ? AND (legal_name LIKE '%Secret%' "
				+ "OR address LIKE '%Geheimweg%' OR vat_id = 'DE222222222')").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM invoices WHERE supplier_name LIKE '%Secret%' OR supplier_address LIKE "
				+ "'%Geheimweg%' OR supplier_vat_id = 'DE222222222'").query(Long.class).single()).isZero();
		JsonNode invoice = fx.invoices(partner).get(0);
		assertThat(invoice.path("number").asString()).isEqualTo("SB-000001");
		assertThat(invoice.path("gross").asString()).isEqualTo("142.80");
		assertThat(fx.invoiceText(partner, vendor, "SB-000001", "en")).contains(pseudonym).doesNotContain("Secret Name");
	}

	private static void collectAttachments(Object content, List<Part> found) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
					found.add(part);
				}
				else {
					collectAttachments(part.getContent(), found);
				}
			}
		}
	}

}
