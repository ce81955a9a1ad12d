package com.partnerline.scanner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.partnerline.support.Api;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** clamd stopped and started again while the application runs: degraded, refused with 503, recovered by itself. */
class EngineOutageIntegrationTest extends IntegrationTest {

	@Test
	void degradesWhileClamdIsDownAndRecoversByItselfWhenItReturns() {
		byte[] file = "outage test".getBytes(StandardCharsets.US_ASCII);
		assertThat(api.get("/actuator/scanner").json().path("status").asString()).isEqualTo("UP");
		try {
			clamd().stop();

			await().atMost(Duration.ofSeconds(10))
				.until(() -> "DEGRADED".equals(api.get("/actuator/scanner").json().path("status").asString()));
			Api.Response refused = new Uploads(port, Uploads.newClient()).scan("f.txt", file);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.json().path("detail").asString()).isEqualTo("engine unavailable");
			assertThat(refused.header("Retry-After")).isNotBlank();
			// the rest of the application is fine: the scanner is degraded, not the whole
			Api.Response health = api.get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.body()).as("exactly the answer of docs/api.md").isEqualTo("{\"status\":\"UP\"}");
			assertThat(api.get("/actuator/scanner").status()).isEqualTo(503);
		}
		finally {
			clamd().start();
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "UP".equals(api.get("/actuator/scanner").json().path("status").asString()));
		Api.Response scanned = new Uploads(port, Uploads.newClient()).scan("f.txt", file);
		assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);
		assertThat(scanned.json().path("verdict").asString()).isEqualTo("CLEAN");
	}

}
