package com.partnerline.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.partnerline.privacy.PrivacyFixtures.Person;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/partner/export}: a zip of every module's part about the calling
 * partner, each CSV strict RFC 4180 with a header, the JSON with every part, and nothing of
 * another partner.
 */
class ExportIntegrationTest extends IntegrationTest {

	private static final CSVFormat STRICT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setAllowMissingColumnNames(false)
		.setAllowDuplicateHeaderNames(false)
		.setIgnoreSurroundingSpaces(false)
		.setIgnoreEmptyLines(false)
		.get();

	@Test
	void exportsEverythingAboutTheCallerAsJsonAndCsvAndNothingOfAnotherPartner() throws Exception {
		TestVendor vendor = newVendor();
		Person me = PrivacyFixtures.person(api, partners, vendor, "exp");
		Person other = PrivacyFixtures.person(api, partners, vendor, "oth");
		String myOrder = unique("ex-mine");
		String otherOrder = unique("ex-other");
		PrivacyFixtures.order(api, vendor, me.partner().id().toString(), myOrder, "2026-05-10T10:00:00Z", "600.00",
				"c1@buyer.example");
		PrivacyFixtures.order(api, vendor, other.partner().id().toString(), otherOrder, "2026-05-11T10:00:00Z", "90.00",
				"c2@buyer.example");
		String target = "https://" + vendor.slug() + ".example.com/buy";
		Api.Response link = me.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "targetUrl", target));
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		assertThat(other.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "targetUrl", target)).status())
			.isEqualTo(201);
		String mySubject = unique("Where is my commission");
		String otherSubject = unique("Other partner question");
		assertThat(me.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", mySubject, "category", "COMMISSIONS", "body", "=1+1, \"quoted\", and\na new line"))
			.status()).isEqualTo(201);
		assertThat(other.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", otherSubject, "category", "OTHER", "body", "mine"))
			.status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/periods/2026-05/close", null).status())
			.isEqualTo(200);

		HttpResponse<byte[]> response = download(me.token());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
			.contains(".zip");
		Map<String, String> files = unzip(response.body());

		// the JSON: one document with every part
		assertThat(files).containsKey("partner.json");
		JsonNode json = Api.JSON.readTree(files.get("partner.json"));
		assertThat(json.path("partnerId").asString()).isEqualTo(me.partner().id().toString());
		JsonNode parts = json.path("parts");
		for (String part : List.of("account", "partners-profile", "partners-memberships", "partners-proposals",
				"partners-contracts", "tracking-links", "tracking-clicks-per-month", "orders-transactions",
				"commissions-statements", "commissions-payouts", "commissions-payout-details", "reporting-sales",
				"reporting-forecasts", "communication-tickets", "communication-ticket-messages",
				"enablement-policy-acknowledgements", "enablement-seminar-registrations", "trials-referred",
				"webhooks-endpoints", "invoicing-legal-details", "invoicing-agreements", "invoicing-invoices",
				"audit-entries")) {
			assertThat(parts.has(part)).as(part).isTrue();
			assertThat(files).as(part).containsKey(part + ".csv");
		}
		assertThat(parts.path("account").get(0).path("email").asString()).isEqualTo(me.email());
		assertThat(parts.path("partners-profile").get(0).path("company").asString()).isEqualTo(me.company());
		assertThat(parts.path("commissions-payout-details").get(0).path("iban").asString()).isEqualTo(me.iban());
		assertThat(parts.path("orders-transactions")).hasSize(1);
		assertThat(parts.path("orders-transactions").get(0).path("order_id").asString()).isEqualTo(myOrder);
		assertThat(parts.path("commissions-statements").get(0).path("payable").asString()).isEqualTo("120.0000");
		assertThat(parts.path("communication-tickets").get(0).path("subject").asString()).isEqualTo(mySubject);
		assertThat(parts.path("tracking-links")).hasSize(1);

		// every CSV: strict RFC 4180 with a header, each record as long as the header, as many as in the JSON
		for (Map.Entry<String, String> file : files.entrySet()) {
			if (!file.getKey().endsWith(".csv")) {
				continue;
			}
			try (CSVParser parser = CSVParser.builder()
				.setReader(new StringReader(file.getValue()))
				.setFormat(STRICT)
				.get()) {
				List<String> header = parser.getHeaderNames();
				assertThat(header).as(file.getKey()).isNotEmpty().doesNotContain("");
				List<CSVRecord> records = parser.getRecords();
				for (CSVRecord record : records) {
					assertThat(record.isConsistent()).as(file.getKey() + " record " + record.getRecordNumber()).isTrue();
				}
				String part = file.getKey().substring(0, file.getKey().length() - 4);
				assertThat(records).as(part).hasSize(parts.path(part).size());
			}
		}
		// a formula is written as text, quotes and line breaks survive
		assertThat(firstRecord(files.get("communication-ticket-messages.csv")).get("body"))
			.isEqualTo("'=1+1, \"quoted\", and\na new line");
		assertThat(firstRecord(files.get("commissions-payout-details.csv")).get("iban")).isEqualTo(me.iban());

		// nothing of the other partner in any file
		String everything = String.join("\n", files.values());
		for (String value : List.of(other.email(), other.name(), other.company(), other.iban(),
				other.partner().id().toString(), otherOrder, otherSubject)) {
			assertThat(everything).as("the other partner's %s", value).doesNotContain(value);
		}
		// the other partner's export is its own
		Map<String, String> theirs = unzip(download(other.token()).body());
		assertThat(String.join("\n", theirs.values())).contains(other.iban()).doesNotContain(me.iban(), mySubject);
		// only a partner exports, and only itself
		assertThat(download(ADMIN_TOKEN).statusCode()).isEqualTo(403);
		assertThat(download(null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<byte[]> download(@Nullable String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/partner/export"))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	private static Map<String, String> firstRecord(String csv) throws IOException {
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(STRICT).get()) {
			return parser.getRecords().get(0).toMap();
		}
	}

}
