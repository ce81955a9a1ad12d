package com.partnerline.scanner;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.PartnerId;
import com.partnerline.support.Api;
import com.partnerline.support.ClamdServer;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** The embeddable scanner page, and the scans through it in the partner's panel and the vendor's console. */
class ScannerPagesIntegrationTest extends IntegrationTest {

	private static final Pattern BUY = Pattern.compile("id=\"scanner-buy\" href=\"([^\"]+)\"");

	@Autowired
	CatalogManagement catalog;

	@Value("${partnerline.public-url}")
	String publicUrl;

	@Test
	void servesAFrameablePageWhoseBuyButtonIsThePartnersTrackingLink() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		PageSession visitor = new PageSession(port);

		HttpResponse<String> page = visitor.get("/scan?partner=" + partner.code() + "&vendor=" + vendor.slug(), "en");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors *").contains("script-src 'self'");
		assertThat(page.body()).contains("<html lang=\"en\"", "Online virus scanner", "name=\"partner\" value=\"" + partner.code() + "\"");
		Matcher buy = BUY.matcher(page.body());
		assertThat(buy.find()).isTrue();
		String buyUrl = buy.group(1);
		assertThat(buyUrl).startsWith(publicUrl + "/r/");
		// the same link on every visit, and it leads to the vendor's product with the partner's click
		HttpResponse<String> again = visitor.get("/scan?partner=" + partner.code() + "&vendor=" + vendor.slug(), "en");
		assertThat(again.body()).contains(buyUrl);
		Api.Response redirect = api.get(buyUrl.substring(publicUrl.length()));
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.header("Location")).startsWith("https://" + vendor.slug() + ".example.com/buy?sku=PROD")
			.contains("plc=");
		assertThat(jdbc.sql("SELECT count(*) FROM links WHERE code = ? AND partner_id = ?::uuid AND sub_id = 'scanner-buy'")
			.params(buyUrl.substring((publicUrl + "/r/").length()), partner.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// every other page still refuses to be framed
		assertThat(visitor.get("/", "en").headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(visitor.get("/scan?partner=no-such-partner", "en").statusCode()).isEqualTo(404);
	}

	@Test
	void speaksTheVisitorsLanguageAndKeepsThePartnerWhenSwitching() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		PageSession visitor = new PageSession(port);

		assertThat(visitor.get("/scan?partner=" + partner.code(), "de").body()).contains("<html lang=\"de\"",
				"Online-Virenscanner");
		assertThat(visitor.get("/scan?partner=" + partner.code(), "ru").body()).contains("Онлайн-сканер вирусов");
		HttpResponse<String> french = visitor.get("/scan?partner=" + partner.code() + "&lang=fr", "en");
		assertThat(french.body()).contains("<html lang=\"fr\"", "Analyseur antivirus en ligne")
			.contains("name=\"partner\" value=\"" + partner.code() + "\"")
			.contains("type=\"hidden\" name=\"vendor\" value=\"" + vendor.slug() + "\"");
	}

	@Test
	void showsThePartnerItsScansAndTheVendorEachPartnersScans() {
		var kaspersky = catalog.vendor("kaspersky");
		TestPartner partner = newPartner(newVendor());
		partners.join(PartnerId.of(partner.id()), "kaspersky", catalog.program(kaspersky).termsVersion(), null);
		Uploads uploads = new Uploads(port, Uploads.newClient()).field("partner", partner.code())
			.field("vendor", "kaspersky");
		assertThat(uploads.scan("eicar.com", ClamdServer.EICAR.getBytes(StandardCharsets.US_ASCII)).status())
			.isEqualTo(200);
		assertThat(uploads.scan("notes.txt", "clean notes".getBytes(StandardCharsets.US_ASCII)).status())
			.isEqualTo(200);

		HttpResponse<String> panel = new PageSession(port).logIn(partner.email(), Fixtures.PASSWORD)
			.get("/panel/scanner", "en");
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains("2 scans, 1 detection", "Eicar-Test")
			.contains(publicUrl + "/scan?partner=" + partner.code() + "&amp;amp;vendor=kaspersky");
		// another period: the picker's presets and custom range, a bad range named beside the picker
		PageSession partnerSession = new PageSession(port).logIn(partner.email(), Fixtures.PASSWORD);
		assertThat(partnerSession.get("/panel/scanner?range=7d", "en").body()).contains("2 scans, 1 detection",
				"id=\"preset-7d\"");
		assertThat(partnerSession.get("/panel/scanner?from=2001-01-01&to=2001-01-31", "en").body())
			.contains("0 scans, 0 detections");
		assertThat(partnerSession.get("/panel/scanner?from=2001-02-01&to=2001-01-01", "en").body())
			.contains("id=\"range-errors\"", "The end of the period must not be before its start.", "2 scans, 1 detection");

		PageSession manager = new PageSession(port).logIn("manager@kaspersky.example", "demo-manager-2026");
		HttpResponse<String> console = manager.get("/console/vendors/kaspersky/scanner", "en");
		assertThat(console.statusCode()).isEqualTo(200);
		Matcher row = Pattern.compile("id=\"scanner-partner-" + partner.code() + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(console.body());
		assertThat(row.find()).isTrue();
		assertThat(row.group(1)).contains(">2<", ">1<");
		assertThat(manager.get("/console/vendors/kaspersky/scanner?from=2001-01-01&to=2001-01-31", "en").body())
			.doesNotContain("id=\"scanner-partner-" + partner.code() + "\"");
		// a manager sees only the vendors it manages
		assertThat(manager.get("/console/vendors/" + newVendor().slug() + "/scanner", "en").statusCode())
			.isEqualTo(404);
	}

}
