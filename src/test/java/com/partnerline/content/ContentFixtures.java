package com.partnerline.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.partnerline.kernel.VendorId;
import com.partnerline.scanner.ThreatDetected;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Content made through the admin API, and detections published the way the scanner publishes them. */
final class ContentFixtures {

	private ContentFixtures() {
	}

	static String publish(Api admin, String vendor, String feed, Object body) {
		Api.Response created = admin.post("/api/v1/admin/vendors/" + vendor + "/content/" + feed, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	static String agreement(Api admin, String vendor, String partnerId, List<String> feeds, int maxItems) {
		Api.Response created = admin.post("/api/v1/admin/vendors/" + vendor + "/content-agreements",
				Fixtures.map("partnerId", partnerId, "feeds", feeds, "maxItems", maxItems, "schedule", "HOURLY",
						"terms", "Publish unchanged, with attribution."));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("feedKey").asString();
	}

	/** Publishes {@code count} detections of {@code threat} in a transaction, as the scanner does after a scan. */
	static void detect(TransactionTemplate transactions, ApplicationEventPublisher events, String threat, int count) {
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < count; i++) {
				events.publishEvent(new ThreatDetected(UUID.randomUUID(), List.of(threat), "0".repeat(64), null,
						(VendorId) null, Instant.now()));
			}
		});
	}

}
