package com.partnerline.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook API of docs/api.md (Platform): a vendor's endpoints under the admin API,
 * a partner's postback endpoints (only its own events of that vendor) under the partner API.
 */
@RestController
class WebhooksApiController {

	private final Webhooks webhooks;

	private final VendorAccess access;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final CurrentCaller caller;

	WebhooksApiController(Webhooks webhooks, VendorAccess access, CatalogManagement catalog, PartnerManagement partners,
			CurrentCaller caller) {
		this.webhooks = webhooks;
		this.access = access;
		this.catalog = catalog;
		this.partners = partners;
		this.caller = caller;
	}

	@PostMapping("/api/v1/admin/vendors/{vendor}/webhooks")
	ResponseEntity<Map<String, Object>> register(@PathVariable String vendor, @RequestBody EndpointRequest request) {
		Vendor found = access.requireManaged(vendor);
		Webhooks.Registered registered = webhooks.register(found.id(), null, request.url(), request.events(),
				caller.require().actorName());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("webhookId", registered.id().toString(), "secret", registered.secret()));
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/webhooks")
	List<EndpointView> endpoints(@PathVariable String vendor) {
		return webhooks.endpoints(access.requireManaged(vendor).id(), null).stream().map(EndpointView::of).toList();
	}

	@DeleteMapping("/api/v1/admin/vendors/{vendor}/webhooks/{id}")
	ResponseEntity<Void> remove(@PathVariable String vendor, @PathVariable String id) {
		webhooks.remove(access.requireManaged(vendor).id(), null, uuid(id), caller.require().actorName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/webhooks/{id}/deliveries")
	List<DeliveryView> deliveries(@PathVariable String vendor, @PathVariable String id,
			@RequestParam(defaultValue = "100") int limit) {
		return webhooks.deliveries(access.requireManaged(vendor).id(), null, uuid(id), limit)
			.stream()
			.map(DeliveryView::of)
			.toList();
	}

	@PostMapping("/api/v1/admin/vendors/{vendor}/webhooks/{id}/deliveries/{deliveryId}/replay")
	ResponseEntity<Map<String, String>> replay(@PathVariable String vendor, @PathVariable String id,
			@PathVariable String deliveryId) {
		webhooks.replay(access.requireManaged(vendor).id(), null, uuid(id), uuid(deliveryId),
				caller.require().actorName());
		return ResponseEntity.accepted().body(Map.of("id", deliveryId, "status", "PENDING"));
	}

	@PostMapping("/api/v1/partner/programs/{vendor}/webhooks")
	ResponseEntity<Map<String, Object>> registerPostback(@PathVariable String vendor,
			@RequestBody EndpointRequest request) {
		Vendor found = catalog.vendor(vendor);
		Partner partner = partners.currentPartner();
		partners.currentMembership(found);
		Webhooks.Registered registered = webhooks.register(found.id(), partner.id(), request.url(), request.events(),
				partner.email());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("webhookId", registered.id().toString(), "secret", registered.secret()));
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/webhooks")
	List<EndpointView> postbacks(@PathVariable String vendor) {
		return webhooks.endpoints(catalog.vendor(vendor).id(), partnerId()).stream().map(EndpointView::of).toList();
	}

	@DeleteMapping("/api/v1/partner/programs/{vendor}/webhooks/{id}")
	ResponseEntity<Void> removePostback(@PathVariable String vendor, @PathVariable String id) {
		webhooks.remove(catalog.vendor(vendor).id(), partnerId(), uuid(id), partners.currentPartner().email());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/webhooks/{id}/deliveries")
	List<DeliveryView> postbackDeliveries(@PathVariable String vendor, @PathVariable String id,
			@RequestParam(defaultValue = "100") int limit) {
		return webhooks.deliveries(catalog.vendor(vendor).id(), partnerId(), uuid(id), limit)
			.stream()
			.map(DeliveryView::of)
			.toList();
	}

	@PostMapping("/api/v1/partner/programs/{vendor}/webhooks/{id}/deliveries/{deliveryId}/replay")
	ResponseEntity<Map<String, String>> replayPostback(@PathVariable String vendor, @PathVariable String id,
			@PathVariable String deliveryId) {
		webhooks.replay(catalog.vendor(vendor).id(), partnerId(), uuid(id), uuid(deliveryId),
				partners.currentPartner().email());
		return ResponseEntity.accepted().body(Map.of("id", deliveryId, "status", "PENDING"));
	}

	private PartnerId partnerId() {
		return partners.currentPartner().id();
	}

	static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("webhooks.notFound");
		}
	}

	record EndpointRequest(@Nullable String url, @Nullable List<String> events) {
	}

	record EndpointView(String webhookId, String url, List<String> events, Instant createdAt) {

		static EndpointView of(Webhooks.Endpoint endpoint) {
			return new EndpointView(endpoint.id().toString(), endpoint.url(), endpoint.events(), endpoint.createdAt());
		}

	}

	record DeliveryView(String id, String type, String status, int attempts, @Nullable Instant lastAttemptAt,
			@Nullable Integer lastResponse, @Nullable String lastError, @Nullable Instant nextAttemptAt) {

		static DeliveryView of(Webhooks.Delivery delivery) {
			return new DeliveryView(delivery.id().toString(), delivery.type(), delivery.status(), delivery.attempts(),
					delivery.lastAttemptAt(), delivery.lastResponse(), delivery.lastError(),
					"PENDING".equals(delivery.status()) ? delivery.nextAttemptAt() : null);
		}

	}

}
