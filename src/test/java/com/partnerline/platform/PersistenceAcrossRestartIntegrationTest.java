package com.partnerline.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.partnerline.PartnerlineApplication;
import com.partnerline.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is written through the API survives a restart: the embedded PostgreSQL keeps
 * its data folder, and a second start neither re-initialises it nor loses a row.
 */
class PersistenceAcrossRestartIntegrationTest {

	@Test
	void readsBackAfterARestartOnTheSameDataFolder(@TempDir Path dataDir) {
		String token = "restart-test-admin-token";
		try (ConfigurableApplicationContext first = start(dataDir, token)) {
			Api admin = api(first).as(token);
			assertThat(admin.put("/api/v1/admin/vendors/durable", Map.of("name", "Durable Software", "allowedDomains",
					List.of("durable.example.com"))).status()).isEqualTo(200);
			assertThat(admin.put("/api/v1/admin/vendors/durable/program", Map.of("termsVersion", "7", "termsText",
					"Durable terms", "cookieDays", 12)).status()).isEqualTo(200);
		}
		try (ConfigurableApplicationContext second = start(dataDir, token)) {
			Api admin = api(second).as(token);
			Api.Response vendor = admin.get("/api/v1/admin/vendors/durable");
			assertThat(vendor.status()).isEqualTo(200);
			assertThat(vendor.json().path("vendor").path("name").asString()).isEqualTo("Durable Software");
			assertThat(vendor.json().path("program").path("cookieDays").asInt()).isEqualTo(12);
			assertThat(api(second).get("/api/v1/vendors").json().toString()).contains("durable");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String token) {
		// Command-line arguments, because application.properties maps these settings from the environment.
		return new SpringApplicationBuilder(PartnerlineApplication.class).run("--partnerline.data-dir=" + dataDir,
				"--partnerline.admin-token=" + token, "--partnerline.demo=false", "--server.port=0");
	}

	private static Api api(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new Api("http://127.0.0.1:" + port);
	}

}
