package com.partnerline.tracking;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Which links {@code /r/{code}} serves, and what finding them costs. */
class RedirectsIntegrationTest extends IntegrationTest {

	@Autowired
	TrackingStore store;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	TrackingManagement tracking;

	@Autowired
	ClickWriter writer;

	@Autowired
	ClickIdentity identity;

	@Autowired
	Clock clock;

	/** Redirects with caches of their own, as a node that starts has them. */
	private Redirects redirects(TrackingStore links) {
		return new Redirects(links, catalog, tracking, writer, identity, clock, new SimpleMeterRegistry());
	}

	@Test
	void remembersUnknownCodesSoThatAFloodOfThemCostsNoReadEach() {
		AtomicInteger reads = new AtomicInteger();
		TrackingStore counting = new TrackingStore(jdbc) {
			@Override
			Optional<Link> link(String code) {
				reads.incrementAndGet();
				return super.link(code);
			}
		};
		Redirects redirects = redirects(counting);
		for (int i = 0; i < 1000; i++) {
			assertThat(redirects.target("NoSuchCode" + (i % 10))).isEmpty();
		}
		assertThat(reads).as("one read per unknown code").hasValue(10);
		assertThat(api.get("/r/NoSuchCode1").status()).isEqualTo(404);
	}

	@Test
	void stopsServingALinkWhoseDomainTheVendorRemoved() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = partner.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD")).json()
			.path("code").asString();
		assertThat(redirects(store).target(code)).isPresent();
		assertThat(api.get("/r/" + code).status()).isEqualTo(302);

		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug(), map("name", "Vendor", "timeZone", "UTC",
				"currency", "USD", "allowedDomains", List.of("elsewhere.example.com"))).status()).isEqualTo(200);

		// what every node serves once it has read the vendor's rules again (within a minute)
		assertThat(redirects(store).target(code)).isEmpty();
	}

}
