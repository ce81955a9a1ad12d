package com.partnerline.orders;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order intake of docs/api.md through the full web stack: answers what
 * {@link OrderIntakeLane} leaves to it (refused deliveries, with their problem
 * details in the caller's language) and is the documented endpoint in the OpenAPI
 * description.
 */
@RestController
class OrderIntakeController {

	private final OrderIntake intake;

	OrderIntakeController(OrderIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/api/v1/vendors/{vendor}/orders")
	ResponseEntity<Object> order(@PathVariable String vendor,
			@RequestHeader(name = ProcessorSignature.HEADER, required = false) @Nullable String signature,
			@CookieValue(name = "pl_ref", required = false) @Nullable String cookie,
			@RequestBody(required = false) byte @Nullable [] body) {
		OrderIntake.Answer answer = intake.order(vendor, signature, cookie, body);
		return ResponseEntity.status(answer.status()).body(answer.body());
	}

	@PostMapping("/api/v1/vendors/{vendor}/orders/{orderId}/refunds")
	ResponseEntity<Object> refund(@PathVariable String vendor, @PathVariable String orderId,
			@RequestHeader(name = ProcessorSignature.HEADER, required = false) @Nullable String signature,
			@RequestBody(required = false) byte @Nullable [] body) {
		OrderIntake.Answer answer = intake.refund(vendor, orderId, signature, body);
		return ResponseEntity.status(answer.status()).body(answer.body());
	}

}
