package com.partnerline.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the app serves ({@code /v3/api-docs}) passes Redocly's linter with its
 * recommended rules, a tool we did not write (pinned in {@code tools/openapi-lint}, installed by
 * {@code scripts/setup.sh}). The document is kept at {@code target/openapi/openapi.json} for
 * reading.
 */
class OpenApiLintIntegrationTest extends IntegrationTest {

	private static final Path LINTER = Path.of("tools/openapi-lint/node_modules/.bin/redocly");

	@Test
	void theServedOpenApiDocumentPassesTheLinter() throws IOException, InterruptedException {
		var served = api.get("/v3/api-docs");
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.json().path("paths").size()).as("paths in the document").isGreaterThan(25);
		Path document = Path.of("target/openapi/openapi.json");
		Files.createDirectories(document.getParent());
		Files.writeString(document, served.body(), StandardCharsets.UTF_8);

		assertThat(LINTER).as("the linter; scripts/setup.sh installs it").isExecutable();
		Process lint = new ProcessBuilder(LINTER.toString(), "lint", "--config", "tools/openapi-lint/redocly.yaml",
				"--format", "stylish", document.toString())
			.redirectErrorStream(true)
			.start();
		String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("the linter finished").isTrue();
		assertThat(lint.exitValue()).as("Redocly lint of /v3/api-docs:%n%s", report).isZero();
		// warnings too: every operation declares its callers and its problem answers, the document its licence
		assertThat(report).as("Redocly lint of /v3/api-docs:%n%s", report).doesNotContainIgnoringCase("warning");
	}

}
