package com.partnerline.orders;

import com.partnerline.orders.OrderIntakeSecurity.SignedDelivery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order intake of docs/api.md. Reached only by notifications whose signature
 * {@link OrderIntakeSecurity} verified; the body comes with them.
 */
@RestController
class OrderIntakeController {

	private final OrderIntake intake;

	OrderIntakeController(OrderIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/api/v1/vendors/{vendor}/orders")
	@RequestBody(required = true, content = @Content(mediaType = "application/json"))
	@Parameter(name = "vendor", in = ParameterIn.PATH, required = true, description = "the vendor's slug",
			schema = @Schema(type = "string"))
	@Parameter(name = "X-Partnerline-Signature", in = ParameterIn.HEADER, required = true, schema = @Schema(type = "string"),
			description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.<raw body>\"> with the vendor's processor secret")
	ResponseEntity<Object> order(@AuthenticationPrincipal @Parameter(hidden = true) SignedDelivery delivery,
			@CookieValue(name = "pl_ref", required = false) @Nullable String cookie) {
		return intake.order(delivery.vendor(), delivery.body(), cookie);
	}

	@PostMapping("/api/v1/vendors/{vendor}/orders/{orderId}/refunds")
	@RequestBody(required = true, content = @Content(mediaType = "application/json"))
	@Parameter(name = "vendor", in = ParameterIn.PATH, required = true, description = "the vendor's slug",
			schema = @Schema(type = "string"))
	@Parameter(name = "X-Partnerline-Signature", in = ParameterIn.HEADER, required = true, schema = @Schema(type = "string"),
			description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.<raw body>\"> with the vendor's processor secret")
	ResponseEntity<Object> refund(@AuthenticationPrincipal @Parameter(hidden = true) SignedDelivery delivery,
			@PathVariable String orderId) {
		return intake.refund(delivery.vendor(), orderId, delivery.body());
	}

}
