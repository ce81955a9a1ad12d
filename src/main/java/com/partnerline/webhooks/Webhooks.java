package com.partnerline.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.partnerline.audit.AuditLog;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endpoints and their delivery log. Every query names the vendor, and a partner's
 * endpoints also the partner: nobody reads or replays another tenant's deliveries.
 */
@Service
class Webhooks {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final EndpointAddresses addresses;

	private final WebhookSettings settings;

	private final AuditLog audit;

	private final Clock clock;

	Webhooks(JdbcClient jdbc, EndpointAddresses addresses, WebhookSettings settings, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.addresses = addresses;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Registers an endpoint of the vendor ({@code partner} null) or of one of its partners.
	 * @throws ApiProblem 422 naming {@code url} or {@code events}
	 */
	@Transactional
	Registered register(VendorId vendor, @Nullable PartnerId partner, @Nullable String url, @Nullable List<String> events,
			String actor) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> types = new LinkedHashSet<>();
		if (events == null || events.isEmpty()) {
			problems.add(new FieldProblem("events", "webhooks.eventsRequired"));
		}
		else {
			for (String type : events) {
				Optional<WebhookEvent> event = WebhookEvent.of(type == null ? "" : type.strip());
				if (event.isEmpty() || (partner != null && !event.get().forPartners())) {
					problems.add(new FieldProblem("events", "webhooks.eventUnknown"));
					break;
				}
				types.add(event.get().type());
			}
		}
		URI uri = null;
		try {
			uri = addresses.checkForRegistration(url == null ? "" : url);
		}
		catch (ApiProblem ex) {
			problems.addAll(ex.errors());
		}
		if (!problems.isEmpty() || uri == null) {
			throw ApiProblem.invalid(problems);
		}
		UUID id = UUID.randomUUID();
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String secret = "whsec_" + HexFormat.of().formatHex(random);
		jdbc.sql("""
				INSERT INTO webhook_endpoints (id, vendor_id, partner_id, url, events, secret, created_at)
				VALUES (?, ?, ?, ?, ?::text[], ?, ?)""")
			.params(id, vendor.value(), partner == null ? null : partner.value(), uri.toString(),
					"{" + String.join(",", types) + "}", secret, Timestamp.from(clock.instant()))
			.update();
		audit.record(actor, vendor.value(), "WEBHOOK_REGISTERED", id.toString(), uri + " " + types);
		return new Registered(id, secret);
	}

	List<Endpoint> endpoints(VendorId vendor, @Nullable PartnerId partner) {
		return jdbc.sql("""
				SELECT id, url, events, created_at FROM webhook_endpoints
				WHERE vendor_id = ? AND active AND partner_id IS NOT DISTINCT FROM ? ORDER BY created_at""")
			.params(vendor.value(), partner == null ? null : partner.value())
			.query((rs, n) -> new Endpoint(rs.getObject("id", UUID.class), rs.getString("url"),
					List.of((String[]) rs.getArray("events").getArray()), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	Endpoint endpoint(VendorId vendor, @Nullable PartnerId partner, UUID id) {
		return endpoints(vendor, partner).stream()
			.filter(e -> e.id().equals(id))
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("webhooks.notFound"));
	}

	@Transactional
	void remove(VendorId vendor, @Nullable PartnerId partner, UUID id, String actor) {
		endpoint(vendor, partner, id);
		jdbc.sql("UPDATE webhook_endpoints SET active = FALSE WHERE id = ? AND vendor_id = ?")
			.params(id, vendor.value())
			.update();
		audit.record(actor, vendor.value(), "WEBHOOK_REMOVED", id.toString(), null);
	}

	/** The endpoint's deliveries, newest first; {@code limit} at most 500. */
	List<Delivery> deliveries(VendorId vendor, @Nullable PartnerId partner, UUID endpointId, int limit) {
		return deliveries(vendor, partner, endpointId, null, 0, limit);
	}

	/**
	 * A page of the endpoint's deliveries, newest first, only those in {@code status} when given;
	 * {@code limit} at most 500.
	 */
	List<Delivery> deliveries(VendorId vendor, @Nullable PartnerId partner, UUID endpointId, @Nullable String status,
			int offset, int limit) {
		endpoint(vendor, partner, endpointId);
		return jdbc.sql("""
				SELECT id, type, status, attempts, created_at, last_attempt_at, last_response, last_error, next_attempt_at
				FROM webhook_deliveries WHERE vendor_id = ? AND endpoint_id = ? AND (CAST(? AS TEXT) IS NULL OR status = ?)
				ORDER BY created_at DESC, id LIMIT ? OFFSET ?""")
			.params(vendor.value(), endpointId, status, status, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0))
			.query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("status"),
					rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_attempt_at")),
					(Integer) rs.getObject("last_response"), rs.getString("last_error"),
					instant(rs.getTimestamp("next_attempt_at"))))
			.list();
	}

	/** How many deliveries the endpoint has, only those in {@code status} when given. */
	long deliveryCount(VendorId vendor, @Nullable PartnerId partner, UUID endpointId, @Nullable String status) {
		endpoint(vendor, partner, endpointId);
		return jdbc.sql("""
				SELECT count(*) FROM webhook_deliveries
				WHERE vendor_id = ? AND endpoint_id = ? AND (CAST(? AS TEXT) IS NULL OR status = ?)""")
			.params(vendor.value(), endpointId, status, status)
			.query(Long.class)
			.single();
	}

	/**
	 * Sends a delivery again (same id and body, so a receiver that keeps ids sees it is the
	 * same event): it becomes due now and gets a new 24 hours of retries.
	 * @throws ApiProblem 404 when it is not one of the endpoint's
	 */
	@Transactional
	void replay(VendorId vendor, @Nullable PartnerId partner, UUID endpointId, UUID deliveryId, String actor) {
		endpoint(vendor, partner, endpointId);
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = ?, give_up_at = ?
				WHERE id = ? AND endpoint_id = ? AND vendor_id = ?""")
			.params(Timestamp.from(now), Timestamp.from(now.plus(settings.giveUpAfter())), deliveryId, endpointId,
					vendor.value())
			.update();
		if (changed == 0) {
			throw ApiProblem.notFound("webhooks.deliveryNotFound");
		}
		audit.record(actor, vendor.value(), "WEBHOOK_REPLAYED", deliveryId.toString(), null);
	}

	/**
	 * Writes one delivery per active endpoint of the vendor that subscribed to the event,
	 * and per postback endpoint of {@code partner}; runs in the caller's transaction.
	 */
	@Transactional
	void enqueue(VendorId vendor, @Nullable PartnerId partner, WebhookEvent event, Map<String, Object> data) {
		List<UUID> endpoints = jdbc.sql("""
				SELECT id FROM webhook_endpoints
				WHERE vendor_id = ? AND active AND ? = ANY (events) AND (partner_id IS NULL OR partner_id = ?)""")
			.params(vendor.value(), event.type(), partner == null ? null : partner.value())
			.query(UUID.class)
			.list();
		if (endpoints.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		for (UUID endpoint : endpoints) {
			UUID id = UUID.randomUUID();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", id.toString());
			body.put("type", event.type());
			body.put("occurredAt", now.toString());
			body.put("data", data);
			jdbc.sql("""
					INSERT INTO webhook_deliveries (id, endpoint_id, vendor_id, type, body, status, created_at, give_up_at,
					next_attempt_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
				.params(id, endpoint, vendor.value(), event.type(), JSON.writeValueAsString(body), Timestamp.from(now),
						Timestamp.from(now.plus(settings.giveUpAfter())), Timestamp.from(now))
				.update();
		}
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	record Registered(UUID id, String secret) {
	}

	record Endpoint(UUID id, String url, List<String> events, Instant createdAt) {
	}

	record Delivery(UUID id, String type, String status, int attempts, Instant createdAt,
			@Nullable Instant lastAttemptAt, @Nullable Integer lastResponse, @Nullable String lastError,
			@Nullable Instant nextAttemptAt) {
	}

}
