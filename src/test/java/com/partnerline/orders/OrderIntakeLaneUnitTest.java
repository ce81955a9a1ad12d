package com.partnerline.orders;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class OrderIntakeLaneUnitTest {

	@Test
	void takesOrdersAndRefundsOfAVendorAndNothingElse() {
		assertThat(OrderIntakeLane.path(post("/api/v1/vendors/acme/orders"))).containsExactly("acme");
		assertThat(OrderIntakeLane.path(post("/api/v1/vendors/acme/orders/A-1/refunds"))).containsExactly("acme", "A-1");
		assertThat(OrderIntakeLane.path(post("/api/v1/vendors/acme/orders/"))).isNull();
		assertThat(OrderIntakeLane.path(post("/api/v1/vendors/acme/orders/A-1"))).isNull();
		assertThat(OrderIntakeLane.path(post("/api/v1/vendors//orders"))).isNull();
		assertThat(OrderIntakeLane.path(post("/api/v1/vendors/acme/stats"))).isNull();
		assertThat(OrderIntakeLane.path(post("/api/v1/vendors/acme/orders/A%2F1/refunds")))
			.as("encoded paths are left to the regular chain, which decodes them").isNull();
	}

	private static MockHttpServletRequest post(String uri) {
		return new MockHttpServletRequest("POST", uri);
	}

}
