package com.partnerline.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages say that scripts come from the app's own files only, and keep to it: no page
 * template has an inline script or an event handler attribute (the browser tests of
 * the suite run every page under this policy). Mail templates are not pages.
 */
class ContentSecurityPolicyIntegrationTest extends IntegrationTest {

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=|javascript:|hx-on",
			Pattern.CASE_INSENSITIVE);

	@Test
	void pagesAllowScriptsFromTheirOwnOriginOnly() {
		for (String page : List.of("/", "/login", "/signup", "/password/forgot")) {
			String policy = api.get(page).header("Content-Security-Policy");
			assertThat(policy).as(page).isNotNull().contains("script-src 'self'").contains("default-src 'self'")
				.contains("object-src 'none'").contains("frame-ancestors 'none'");
			assertThat(policy).as(page).doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
		}
	}

	@Test
	void noPageTemplateHasAnInlineScriptOrHandler() throws IOException {
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			List<Path> pages = templates.filter(path -> path.toString().endsWith(".html"))
				.filter(path -> !path.toString().contains("/mail/"))
				.toList();
			assertThat(pages).hasSizeGreaterThan(10);
			for (Path page : pages) {
				String html = Files.readString(page);
				assertThat(INLINE_SCRIPT.matcher(html).find()).as(page + " has an inline script").isFalse();
				assertThat(HANDLER.matcher(html).find()).as(page + " has an event handler").isFalse();
			}
		}
	}

}
