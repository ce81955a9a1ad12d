package com.partnerline.accounts;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated failures are slowed and then refused with 429, per account and per
 * client address; the counts live in PostgreSQL. The client address comes from
 * {@code X-Forwarded-For}, which the app trusts from its local proxy, so each test
 * uses an address of its own.
 */
class LoginThrottlingIntegrationTest extends IntegrationTest {

	@Test
	void refusesAnAccountAfterTenFailuresEvenWithTheRightPassword() {
		var partner = newPartner(newVendor());
		Api client = api.header("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 200 + 1));
		long firstFailures = 0;
		long laterFailures = 0;
		for (int attempt = 1; attempt <= 10; attempt++) {
			long started = System.nanoTime();
			Api.Response response = client.post("/api/v1/auth/token",
					map("email", partner.email(), "password", "wrong-password-" + attempt));
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(response.status()).as("attempt " + attempt).isEqualTo(401);
			if (attempt <= 3) {
				firstFailures += millis;
			}
			else if (attempt >= 8) {
				laterFailures += millis;
			}
		}
		// From the third failure on, each attempt waits (0.05 s a step in tests, at most 0.2 s).
		assertThat(laterFailures).isGreaterThanOrEqualTo(3 * 200);

		Api.Response refused = client.post("/api/v1/auth/token", map("email", partner.email(), "password", Fixtures.PASSWORD));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).contains("Too many failed");
		// the oldest of the ten failures leaves the 15-minute window in a little under 900 s
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(850, 900);
		// Another address does not help: the count is per account too.
		assertThat(api.header("X-Forwarded-For", "192.0.2.77")
			.post("/api/v1/auth/token", map("email", partner.email(), "password", Fixtures.PASSWORD))
			.status()).isEqualTo(429);
		assertThat(jdbc.sql("SELECT count(*) FROM login_failures WHERE email = ?")
			.param(partner.email().toLowerCase())
			.query(Long.class)
			.single()).isEqualTo(10);
	}

	@Test
	void refusesAnAddressThatTriesManyAccounts() {
		String address = "198.18." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
		Api client = api.header("X-Forwarded-For", address);
		for (int i = 0; i < 30; i++) {
			assertThat(client.post("/api/v1/auth/token", map("email", unique("guess") + "@example.org", "password", "x"))
				.status()).isEqualTo(401);
		}
		var partner = newPartner(newVendor());
		Api.Response refused = client.post("/api/v1/auth/token",
				map("email", partner.email(), "password", Fixtures.PASSWORD));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(850, 900);
		// The same account from its own address is fine.
		assertThat(api.header("X-Forwarded-For", "192.0.2.201")
			.post("/api/v1/auth/token", map("email", partner.email(), "password", Fixtures.PASSWORD))
			.status()).isEqualTo(200);
	}

}
