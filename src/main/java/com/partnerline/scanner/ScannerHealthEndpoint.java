package com.partnerline.scanner;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The scanner's own health at {@code /actuator/scanner}: 200 {@code {"status":"UP"}}, or 503
 * {@code {"status":"DEGRADED"}} while clamd is unreachable, for a monitor or a load balancer
 * that routes scans. An endpoint of its own rather than a health group, because every group
 * would be listed in {@code /actuator/health}, whose answer docs/api.md fixes as
 * {@code {"status":"UP"}}.
 */
@Component
@WebEndpoint(id = "scanner")
class ScannerHealthEndpoint {

	private final Engine engine;

	ScannerHealthEndpoint(Engine engine) {
		this.engine = engine;
	}

	@ReadOperation
	WebEndpointResponse<Map<String, String>> health() {
		Status status = engine.health().getStatus();
		return new WebEndpointResponse<>(Map.of("status", status.getCode()),
				Status.UP.equals(status) ? WebEndpointResponse.STATUS_OK : WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
	}

}
