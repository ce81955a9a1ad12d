package com.partnerline.webhooks;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.partnerline.kernel.HmacSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Every node polls; {@code FOR UPDATE SKIP LOCKED} gives each due
 * delivery to exactly one sender and the row stays locked until its outcome is written,
 * so no delivery goes out twice at once, however many nodes (or threads) poll. A failed
 * attempt (no 2xx, refused address, timeout) waits {@link WebhookSettings#backoff} before
 * the next; 24 hours after the delivery was written it is given up (FAILED), and it can
 * still be replayed from the log. Redirects are not followed: a redirect could lead to an
 * address the check refused.
 */
@Component
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private static final int BATCH = 10;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final EndpointAddresses addresses;

	private final WebhookSettings settings;

	private final Clock clock;

	private final HttpClient http;

	WebhookSender(JdbcClient jdbc, TransactionTemplate transactions, EndpointAddresses addresses,
			WebhookSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.addresses = addresses;
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${partnerline.webhooks.poll-interval:PT2S}", initialDelayString = "PT3S")
	void sendDue() {
		try {
			Integer sent;
			do {
				sent = transactions.execute(status -> sendBatch());
			}
			while (sent != null && sent == BATCH);
		}
		catch (RuntimeException ex) {
			log.warn("Webhook round failed: {}", ex.toString());
		}
	}

	/** Attempts one batch of due deliveries; returns how many were attempted. */
	int sendBatch() {
		List<Due> due = jdbc.sql("""
				SELECT d.id, d.body, d.attempts, d.give_up_at, e.url, e.secret FROM webhook_deliveries d
				JOIN webhook_endpoints e ON e.id = d.endpoint_id
				WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
				ORDER BY d.next_attempt_at, d.id LIMIT ? FOR UPDATE OF d SKIP LOCKED""")
			.params(Timestamp.from(clock.instant()), BATCH)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("body"), rs.getInt("attempts"),
					rs.getTimestamp("give_up_at").toInstant(), rs.getString("url"), rs.getString("secret")))
			.list();
		for (Due delivery : due) {
			attempt(delivery);
		}
		return due.size();
	}

	private void attempt(Due delivery) {
		Integer response = null;
		String error;
		try {
			URI uri = URI.create(delivery.url());
			addresses.checkResolved(uri.getHost());
			byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
			long timestamp = clock.instant().getEpochSecond();
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(settings.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Partnerline-Webhooks/1")
				.header("X-Partnerline-Delivery", delivery.id().toString())
				.header(HmacSignature.HEADER, HmacSignature.header(delivery.secret(), timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
			response = answer.statusCode();
			error = response / 100 == 2 ? null : "HTTP " + response;
		}
		catch (EndpointAddresses.PrivateAddress ex) {
			error = "refused: " + ex.getMessage();
		}
		catch (UnknownHostException ex) {
			error = "unknown host " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		Instant now = clock.instant();
		int attempts = delivery.attempts() + 1;
		if (error == null) {
			jdbc.sql("""
					UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = ?, last_attempt_at = ?, last_response = ?,
					last_error = NULL, delivered_at = ? WHERE id = ?""")
				.params(attempts, Timestamp.from(now), response, Timestamp.from(now), delivery.id())
				.update();
			return;
		}
		Instant next = now.plus(settings.backoff(attempts));
		String status = next.isAfter(delivery.giveUpAt()) ? "FAILED" : "PENDING";
		jdbc.sql("""
				UPDATE webhook_deliveries SET status = ?, attempts = ?, last_attempt_at = ?, last_response = ?,
				last_error = ?, next_attempt_at = ? WHERE id = ?""")
			.params(status, attempts, Timestamp.from(now), response, error.length() > 500 ? error.substring(0, 500) : error,
					Timestamp.from(next), delivery.id())
			.update();
		log.info("Webhook delivery {} failed (attempt {}, {}): {}", delivery.id(), attempts, status, error);
	}

	record Due(UUID id, String body, int attempts, Instant giveUpAt, String url, String secret) {
	}

}
