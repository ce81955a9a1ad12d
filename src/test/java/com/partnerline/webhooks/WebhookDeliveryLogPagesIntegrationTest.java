package com.partnerline.webhooks;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.VendorId;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.PageSession;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's delivery log of a webhook endpoint with many deliveries: pages of 50, newest
 * first, a status filter (an unknown status is a 400, not an empty page), and the CSV export of
 * all of it or of one status, read back by a strict CSV reader; another vendor's manager sees
 * none of it.
 */
class WebhookDeliveryLogPagesIntegrationTest extends IntegrationTest {

	private static final Pattern ROW = Pattern.compile("<tr id=\"delivery-");

	@Autowired
	CatalogManagement catalog;

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookSettings settings;

	@AfterEach
	void closeToPrivateAddresses() {
		settings.allowPrivate(false);
	}

	@Test
	void theLogIsPagedFilteredByStatusAndExportedAsCsv() throws Exception {
		TestVendor vendor = newVendor();
		VendorId vendorId = catalog.vendor(vendor.slug()).id();
		settings.allowPrivate(true);
		UUID endpoint = webhooks.register(vendorId, null, "http://127.0.0.1:9/hook", List.of("order.attributed"), "test")
			.id();
		// 120 deliveries a minute apart, the newest first: 70 delivered, 30 given up, 20 waiting for tomorrow
		Instant start = Instant.parse("2026-11-01T08:00:00Z");
		for (int i = 0; i < 120; i++) {
			String status = i < 70 ? "DELIVERED" : i < 100 ? "FAILED" : "PENDING";
			Instant written = start.plus(120 - i, ChronoUnit.MINUTES);
			jdbc.sql("""
					INSERT INTO webhook_deliveries (id, endpoint_id, vendor_id, type, body, status, attempts, created_at,
					  give_up_at, next_attempt_at, last_attempt_at, last_response)
					VALUES (?, ?, ?, 'order.attributed', '{}', ?, 1, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), endpoint, vendorId.value(), status, java.sql.Timestamp.from(written),
						java.sql.Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)),
						java.sql.Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)), java.sql.Timestamp.from(written),
						"DELIVERED".equals(status) ? 200 : 500)
				.update();
		}
		PageSession manager = PageSession.login(port, newManager(vendor), Fixtures.PASSWORD);
		String log = "/console/vendors/" + vendor.slug() + "/webhooks/" + endpoint;

		HttpResponse<String> first = manager.get(log);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(rows(first.body())).isEqualTo(50);
		assertThat(first.body()).contains("120 deliveries, newest first").contains("id=\"deliveries-older\"")
			.doesNotContain("id=\"deliveries-newer\"");
		HttpResponse<String> last = manager.get(log + "?page=2");
		assertThat(rows(last.body())).isEqualTo(20);
		assertThat(last.body()).contains("id=\"deliveries-newer\"").doesNotContain("id=\"deliveries-older\"");

		HttpResponse<String> failed = manager.get(log + "?status=FAILED");
		assertThat(rows(failed.body())).isEqualTo(30);
		assertThat(failed.body()).contains("30 deliveries, newest first").doesNotContain("class=\"pager\"")
			.doesNotContain("Delivered</td>");
		assertThat(manager.get(log + "?status=SENT").statusCode()).isEqualTo(400);

		List<CSVRecord> all = csv(manager.get(log + "/deliveries.csv"));
		assertThat(all).hasSize(120);
		assertThat(all.get(0).get("written_at")).isEqualTo(start.plus(120, ChronoUnit.MINUTES).toString());
		assertThat(all.get(119).get("written_at")).isEqualTo(start.plus(1, ChronoUnit.MINUTES).toString());
		List<CSVRecord> given = csv(manager.get(log + "/deliveries.csv?status=FAILED"));
		assertThat(given).hasSize(30).allSatisfy(r -> {
			assertThat(r.get("status")).isEqualTo("FAILED");
			assertThat(r.get("last_response")).isEqualTo("500");
		});

		PageSession stranger = PageSession.login(port, newManager(newVendor()), Fixtures.PASSWORD);
		assertThat(stranger.get(log).statusCode()).isEqualTo(404);
		assertThat(stranger.get(log + "/deliveries.csv").statusCode()).isEqualTo(404);
	}

	private static long rows(String page) {
		return ROW.matcher(page).results().count();
	}

	private static List<CSVRecord> csv(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		try (var parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(response.body()))) {
			assertThat(parser.getHeaderNames()).containsExactly("id", "event", "written_at", "status", "attempts",
					"last_attempt_at", "last_response", "last_error", "next_attempt_at");
			return parser.getRecords();
		}
	}

}
