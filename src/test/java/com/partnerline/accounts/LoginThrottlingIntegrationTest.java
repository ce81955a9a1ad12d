package com.partnerline.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated failures are slowed and then refused with 429, per account and per
 * client address; the counts live in PostgreSQL, and an attempt is counted before
 * its password is checked. The client address comes from {@code X-Forwarded-For},
 * which the app trusts from its local proxy, so each test uses an address of its own.
 */
class LoginThrottlingIntegrationTest extends IntegrationTest {

	@Test
	void slowsAnAccountWithRetryAfterAndRefusesItAfterTenFailuresEvenWithTheRightPassword() throws Exception {
		var partner = newPartner(newVendor());
		Api client = api.header("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 200 + 1));
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(client.post("/api/v1/auth/token", map("email", partner.email(), "password", "wrong-" + attempt))
				.status()).as("attempt " + attempt).isEqualTo(401);
		}
		// From the fourth on, an attempt right after the last failure is answered at once with 429, not held
		// on a request thread: of five sent together, all but the first to be counted come right after another.
		List<Callable<Api.Response>> burst = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String password = "wrong-burst-" + i;
			burst.add(() -> client.post("/api/v1/auth/token", map("email", partner.email(), "password", password)));
		}
		List<Api.Response> answers = all(burst);
		Api.Response tooSoon = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
		assertThat(answers.stream().filter(answer -> answer.status() == 401).count()).isLessThanOrEqualTo(1);
		assertThat(tooSoon.header("Content-Type")).startsWith("application/problem+json");
		assertThat(tooSoon.json().path("type").asString()).isNotBlank();
		assertThat(tooSoon.json().path("detail").asString()).contains("wait a few seconds");
		assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 2);

		int failures = 3 + (int) answers.stream().filter(answer -> answer.status() == 401).count();
		while (failures < 10) {
			Api.Response response = client.post("/api/v1/auth/token",
					map("email", partner.email(), "password", "wrong-" + failures));
			if (response.status() == 429) {
				Thread.sleep(Integer.parseInt(response.header("Retry-After")) * 1000L);
			}
			else {
				assertThat(response.status()).isEqualTo(401);
				failures++;
			}
		}
		Thread.sleep(1_100);
		Api.Response refused = client.post("/api/v1/auth/token", map("email", partner.email(), "password", Fixtures.PASSWORD));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).contains("Too many failed");
		// the oldest of the ten failures leaves the 15-minute window in a little under 900 s
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(780, 900);
		// Another address does not help: the count is per account too.
		assertThat(api.header("X-Forwarded-For", "192.0.2.77")
			.post("/api/v1/auth/token", map("email", partner.email(), "password", Fixtures.PASSWORD))
			.status()).isEqualTo(429);
		// refused attempts leave no trace: only the ten that were checked count
		assertThat(failuresOf(partner.email())).isEqualTo(10);
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
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(780, 900);
		// The same account from its own address is fine.
		assertThat(api.header("X-Forwarded-For", "192.0.2.201")
			.post("/api/v1/auth/token", map("email", partner.email(), "password", Fixtures.PASSWORD))
			.status()).isEqualTo(200);
	}

	@Test
	void parallelGuessesAreCountedBeforeTheirPasswordsAreChecked() throws Exception {
		var partner = newPartner(newVendor());
		List<Callable<Integer>> guesses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			Api client = api.header("X-Forwarded-For", "203.0.113." + (i % 200 + 1));
			String password = "guess-" + i;
			guesses.add(() -> client.post("/api/v1/auth/token", map("email", partner.email(), "password", password))
				.status());
		}
		List<Integer> statuses = all(guesses);
		long checked = statuses.stream().filter(status -> status == 401).count();
		assertThat(statuses).containsOnly(401, 429);
		// at most the ten the account may fail were checked; the others were refused unchecked
		assertThat(checked).isBetween(1L, 10L);
		assertThat(failuresOf(partner.email())).isEqualTo(checked);
	}

	private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
		var pool = Executors.newFixedThreadPool(calls.size());
		List<T> results = new ArrayList<>();
		try {
			for (Future<T> result : pool.invokeAll(calls)) {
				results.add(result.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		return results;
	}

	private long failuresOf(String email) {
		return jdbc.sql("SELECT count(*) FROM login_failures WHERE email = ?")
			.param(email.toLowerCase())
			.query(Long.class)
			.single();
	}

}
