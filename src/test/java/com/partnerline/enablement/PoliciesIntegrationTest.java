package com.partnerline.enablement;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Versioned policies: each publication asks every partner of the program to acknowledge it; the vendor sees who has not. */
class PoliciesIntegrationTest extends IntegrationTest {

	@Test
	void eachVersionMustBeAcknowledgedAndTheVendorSeesWhoHasNot() {
		TestVendor vendor = newVendor();
		TestVendor other = newVendor();
		TestPartner alice = newPartner(vendor);
		TestPartner bob = newPartner(vendor);
		TestPartner stranger = newPartner(other);
		String base = "/api/v1/admin/vendors/" + vendor.slug() + "/policies/";

		Api.Response first = admin.put(base + "TRADEMARK", map("title", "Trademark use", "body", "Use our marks **as given**."));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("kind").asString()).isEqualTo("TRADEMARK");
		assertThat(first.json().path("version").asInt()).isEqualTo(1);

		JsonNode listed = alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/policies").json();
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).path("acknowledged").asBoolean()).isFalse();
		assertThat(listed.get(0).path("version").asInt()).isEqualTo(1);
		assertThat(pending(vendor, "TRADEMARK")).contains(alice.id(), bob.id()).doesNotContain(stranger.id());

		Api.Response ack = alice.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/policies/TRADEMARK/acknowledgement", map("version", 1));
		assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
		// again: nothing changes
		assertThat(alice.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/policies/TRADEMARK/acknowledgement", map("version", 1))
			.status()).isEqualTo(200);
		assertThat(pending(vendor, "TRADEMARK")).contains(bob.id()).doesNotContain(alice.id());
		assertThat(alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/policies").json().get(0)
			.path("acknowledged").asBoolean()).isTrue();

		// a new version asks everyone again; the old one can no longer be acknowledged
		Api.Response second = admin.put(base + "TRADEMARK", map("title", "Trademark use", "body", "New rules."));
		assertThat(second.json().path("version").asInt()).isEqualTo(2);
		assertThat(alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/policies").json().get(0)
			.path("acknowledged").asBoolean()).isFalse();
		assertThat(pending(vendor, "TRADEMARK")).contains(alice.id(), bob.id());
		Api.Response old = bob.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/policies/TRADEMARK/acknowledgement", map("version", 1));
		assertThat(old.status()).isEqualTo(409);
		assertThat(old.header("Content-Type")).startsWith("application/problem+json");

		// another program's partner cannot acknowledge this one's policy, and bad input stores nothing
		assertThat(stranger.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/policies/TRADEMARK/acknowledgement", map("version", 2))
			.status()).isEqualTo(404);
		Api.Response missing = admin.put(base + "PRICING", map("title", "", "body", "x"));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.errorFields()).containsExactly("title");
		assertThat(admin.put(base + "WHATEVER", map("title", "t", "body", "b")).status()).isEqualTo(404);
		assertThat(alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/policies").json().size()).isEqualTo(1);
	}

	private java.util.List<String> pending(TestVendor vendor, String kind) {
		Api.Response response = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/policies/" + kind + "/pending");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		java.util.List<String> ids = new java.util.ArrayList<>();
		response.json().forEach(p -> ids.add(p.path("partnerId").asString()));
		return ids;
	}

}
