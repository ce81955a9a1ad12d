package com.partnerline.webhooks;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.partnerline.kernel.HmacSignature;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhooksIntegrationTest extends IntegrationTest {

	@Autowired
	WebhookSettings settings;

	@Autowired
	WebhookSender sender;

	@AfterEach
	void privateAddressesRefusedAgain() {
		settings.allowPrivate(false);
	}

	String register(TestVendor vendor, String url, String... events) {
		Api.Response created = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/webhooks",
				map("url", url, "events", List.of(events)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("webhookId").asString() + " " + created.json().path("secret").asString();
	}

	Api.Response order(TestVendor vendor, String orderId, String partnerId, String price) {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"c-%s@customer.example","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{"partnerId":"%s"}}"""
			.formatted(orderId, Instant.now(), orderId, price, partnerId);
		Api.Response response = api
			.header(HmacSignature.HEADER,
					HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
							body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	List<Map<String, Object>> rows(String webhookId) {
		return jdbc.sql("SELECT * FROM webhook_deliveries WHERE endpoint_id = ?::uuid ORDER BY created_at")
			.param(webhookId)
			.query()
			.listOfRows();
	}

	/** What a receiver does with nothing but the secret: recompute HMAC-SHA256 of "t.body" and compare. */
	static boolean verifies(String secret, String header, String body) throws Exception {
		String t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			String[] kv = part.split("=", 2);
			if (kv[0].equals("t")) {
				t = kv[1];
			}
			else if (kv[0].equals("v1")) {
				v1 = kv[1];
			}
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
		return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1))
				&& Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
	}

	@Test
	void signsEachDeliverySoThatAReceiverWithOnlyTheSecretCanVerifyIt() throws Exception {
		settings.allowPrivate(true);
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		try (Receiver receiver = new Receiver()) {
			String[] hook = register(vendor, receiver.url("/hook"), "order.attributed", "refund.recorded").split(" ");
			order(vendor, "w-1", partner.id(), "120.00");

			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 1);
			Receiver.Request request = receiver.requests().get(0);
			assertThat(verifies(hook[1], request.signature(), request.body())).isTrue();
			assertThat(verifies("whsec_someone-else", request.signature(), request.body())).isFalse();
			JsonNode body = Api.JSON.readTree(request.body());
			assertThat(body.path("type").asString()).isEqualTo("order.attributed");
			assertThat(body.path("id").asString()).isEqualTo(rows(hook[0]).get(0).get("id").toString());
			assertThat(body.path("occurredAt").asString()).isNotBlank();
			assertThat(body.path("data").path("orderId").asString()).isEqualTo("w-1");
			assertThat(body.path("data").path("partnerId").asString()).isEqualTo(partner.id());
			assertThat(body.path("data").path("amount").asString()).isEqualTo("120.00");

			await().atMost(Duration.ofSeconds(10))
				.until(() -> "DELIVERED".equals(rows(hook[0]).get(0).get("status")));
			Api.Response log = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/webhooks/" + hook[0] + "/deliveries");
			assertThat(log.status()).isEqualTo(200);
			JsonNode entry = log.json().get(0);
			assertThat(entry.path("id").asString()).isEqualTo(body.path("id").asString());
			assertThat(entry.path("type").asString()).isEqualTo("order.attributed");
			assertThat(entry.path("status").asString()).isEqualTo("DELIVERED");
			assertThat(entry.path("attempts").asInt()).isEqualTo(1);
			assertThat(entry.path("lastAttemptAt").asString()).isNotBlank();
		}
	}

	@Test
	void retriesWithExponentialBackoffUntilTheReceiverAnswers2xx() throws Exception {
		settings.allowPrivate(true);
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		try (Receiver receiver = new Receiver().failWith(500, 503)) {
			String id = register(vendor, receiver.url("/flaky"), "order.attributed").split(" ")[0];
			order(vendor, "w-2", partner.id(), "10.00");

			await().atMost(Duration.ofSeconds(20)).until(() -> ((Integer) rows(id).get(0).get("attempts")) == 1);
			Map<String, Object> first = rows(id).get(0);
			assertThat(first.get("status")).isEqualTo("PENDING");
			assertThat(first.get("last_response")).isEqualTo(500);
			assertThat(waited(first)).isEqualTo(Duration.ofSeconds(30));

			due(id);
			await().atMost(Duration.ofSeconds(20)).until(() -> ((Integer) rows(id).get(0).get("attempts")) == 2);
			Map<String, Object> second = rows(id).get(0);
			assertThat(second.get("last_response")).isEqualTo(503);
			assertThat(waited(second)).isEqualTo(Duration.ofSeconds(60));

			due(id);
			await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(rows(id).get(0).get("status")));
			assertThat(rows(id).get(0).get("attempts")).isEqualTo(3);
			assertThat(receiver.requests()).hasSize(3);
			// every attempt carries the same delivery id and body, signed anew
			assertThat(receiver.requests().stream().map(Receiver.Request::body).distinct()).hasSize(1);
		}
		assertThat(settings.backoff(5)).isEqualTo(Duration.ofMinutes(8));
		assertThat(settings.backoff(20)).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void givesUpAfter24HoursAndKeepsTheDeliveryForReplay() throws Exception {
		settings.allowPrivate(true);
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		try (Receiver receiver = new Receiver().failWith(500, 500)) {
			String id = register(vendor, receiver.url("/down"), "order.attributed").split(" ")[0];
			order(vendor, "w-3", partner.id(), "10.00");
			await().atMost(Duration.ofSeconds(20)).until(() -> ((Integer) rows(id).get(0).get("attempts")) == 1);
			Map<String, Object> row = rows(id).get(0);
			assertThat(Duration.between(instant(row.get("created_at")), instant(row.get("give_up_at"))))
				.isEqualTo(Duration.ofHours(24));
			// 24 hours later: the next try would fall after the deadline
			jdbc.sql("UPDATE webhook_deliveries SET give_up_at = now() WHERE endpoint_id = ?::uuid").param(id).update();
			due(id);
			await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(rows(id).get(0).get("status")));
			assertThat(rows(id).get(0).get("attempts")).isEqualTo(2);
			Thread.sleep(2500);
			assertThat(receiver.requests()).hasSize(2);

			String deliveryId = rows(id).get(0).get("id").toString();
			assertThat(admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/webhooks/" + id + "/deliveries/"
					+ deliveryId + "/replay", Map.of()).status()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(rows(id).get(0).get("status")));
			assertThat(rows(id).get(0).get("attempts")).isEqualTo(3);
		}
	}

	@Test
	void exactlyOneDeliveryAcrossTwoRacingSenders() throws Exception {
		settings.allowPrivate(true);
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		try (Receiver receiver = new Receiver().slow(500)) {
			String id = register(vendor, receiver.url("/once"), "order.attributed").split(" ")[0];
			order(vendor, "w-4", partner.id(), "10.00");
			// held back from the scheduled poll until both racers start (it is a racer too, should it win)
			jdbc.sql("UPDATE webhook_deliveries SET next_attempt_at = now() + interval '1 hour' WHERE endpoint_id = ?::uuid")
				.param(id)
				.update();
			due(id);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			try {
				List<Future<?>> racers = List.of(pool.submit(() -> {
					start.await();
					sender.sendDue();
					return null;
				}), pool.submit(() -> {
					start.await();
					sender.sendDue();
					return null;
				}));
				start.countDown();
				for (Future<?> racer : racers) {
					racer.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(rows(id).get(0).get("status")));
			Thread.sleep(1500);
			assertThat(receiver.requests()).hasSize(1);
			assertThat(rows(id).get(0).get("attempts")).isEqualTo(1);
		}
	}

	@Test
	void replaysADeliveryFromTheLogWithTheSameIdAndBody() throws Exception {
		settings.allowPrivate(true);
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		try (Receiver receiver = new Receiver()) {
			String id = register(vendor, receiver.url("/replay"), "order.attributed").split(" ")[0];
			order(vendor, "w-5", partner.id(), "10.00");
			await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(rows(id).get(0).get("status")));
			String deliveryId = rows(id).get(0).get("id").toString();

			Api.Response replay = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/webhooks/" + id + "/deliveries/"
					+ deliveryId + "/replay", Map.of());
			assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 2);
			assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
			await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(rows(id).get(0).get("status")));
			assertThat(rows(id).get(0).get("attempts")).isEqualTo(2);

			TestVendor other = newVendor();
			assertThat(admin.post("/api/v1/admin/vendors/" + other.slug() + "/webhooks/" + id + "/deliveries/" + deliveryId
					+ "/replay", Map.of()).status()).isEqualTo(404);
		}
	}

	@Test
	void refusesLoopbackAndPrivateEndpointsUnlessAllowed() {
		TestVendor vendor = newVendor();
		for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/hook",
				"http://192.168.0.10/", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
				"http://0.0.0.0/")) {
			Api.Response refused = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/webhooks",
					map("url", url, "events", List.of("order.attributed")));
			assertThat(refused.status()).as(url).isEqualTo(422);
			assertThat(refused.errorFields()).as(url).containsExactly("url");
		}
		Api.Response badEvent = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/webhooks",
				map("url", "ftp://example.com/", "events", List.of("order.exploded")));
		assertThat(badEvent.status()).isEqualTo(422);
		assertThat(badEvent.errorFields()).containsExactlyInAnyOrder("url", "events");
		assertThat(jdbc.sql("SELECT count(*) FROM webhook_endpoints e JOIN vendors v ON v.id = e.vendor_id WHERE v.slug = ?")
			.param(vendor.slug())
			.query(Long.class)
			.single()).isZero();

		settings.allowPrivate(true);
		assertThat(admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/webhooks",
				map("url", "http://127.0.0.1:9/hook", "events", List.of("order.attributed"))).status()).isEqualTo(201);
	}

	@Test
	void checksTheAddressAgainAtDeliveryTime() throws Exception {
		settings.allowPrivate(true);
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		try (Receiver receiver = new Receiver()) {
			String id = register(vendor, receiver.url("/rebound"), "order.attributed").split(" ")[0];
			// as if the name had pointed elsewhere at registration and resolves to loopback now
			settings.allowPrivate(false);
			order(vendor, "w-6", partner.id(), "10.00");
			await().atMost(Duration.ofSeconds(20)).until(() -> ((Integer) rows(id).get(0).get("attempts")) == 1);
			assertThat(receiver.requests()).isEmpty();
			assertThat((String) rows(id).get(0).get("last_error")).startsWith("refused");
			assertThat(rows(id).get(0).get("status")).isEqualTo("PENDING");
		}
	}

	@Test
	void aPartnersPostbackGetsOnlyItsOwnEvents() throws Exception {
		settings.allowPrivate(true);
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		try (Receiver receiver = new Receiver()) {
			Api.Response created = partner.api()
				.post("/api/v1/partner/programs/" + vendor.slug() + "/webhooks",
						map("url", receiver.url("/postback"), "events", List.of("order.attributed")));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			String id = created.json().path("webhookId").asString();
			assertThat(partner.api()
				.post("/api/v1/partner/programs/" + vendor.slug() + "/webhooks",
						map("url", receiver.url("/postback"), "events", List.of("payout.batch.paid")))
				.status()).isEqualTo(422);

			order(vendor, "w-7", other.id(), "10.00");
			order(vendor, "w-8", partner.id(), "10.00");
			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 1);
			Thread.sleep(1000);
			assertThat(receiver.requests()).hasSize(1);
			assertThat(Api.JSON.readTree(receiver.requests().get(0).body()).path("data").path("orderId").asString())
				.isEqualTo("w-8");
			assertThat(verifies(created.json().path("secret").asString(), receiver.requests().get(0).signature(),
					receiver.requests().get(0).body())).isTrue();

			assertThat(partner.api()
				.get("/api/v1/partner/programs/" + vendor.slug() + "/webhooks/" + id + "/deliveries")
				.json()
				.size()).isEqualTo(1);
			assertThat(other.api()
				.get("/api/v1/partner/programs/" + vendor.slug() + "/webhooks/" + id + "/deliveries")
				.status()).isEqualTo(404);
			assertThat(admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/webhooks").json().size()).isZero();
		}
	}

	private void due(String webhookId) {
		jdbc.sql("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE endpoint_id = ?::uuid")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), webhookId)
			.update();
	}

	private static Duration waited(Map<String, Object> row) {
		return Duration.between(instant(row.get("last_attempt_at")), instant(row.get("next_attempt_at")));
	}

	private static Instant instant(Object value) {
		return value instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
	}

}
