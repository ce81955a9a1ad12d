package com.partnerline.communication;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownUnitTest {

	@Test
	void rendersMarkdownAndEscapesRawHtml() {
		String html = Markdown.html("# News\n\n- **one**\n- two\n\n<iframe src=\"https://evil.example\"></iframe>");
		assertThat(html).contains("<h1>News</h1>").contains("<li><strong>one</strong></li>");
		assertThat(html).doesNotContain("<iframe").contains("&lt;iframe");
	}

	@Test
	void dropsScriptUrlsFromLinksAndImages() {
		String html = Markdown.html("[a](javascript:alert(1)) ![b](data:text/html;base64,PHNjcmlwdD4=) [c](JAVASCRIPT:x)");
		assertThat(html.toLowerCase()).doesNotContain("javascript:").doesNotContain("data:text/html");
		assertThat(Markdown.html("[d](https://example.com/x) [e](/panel) ![f](https://example.com/i.png)"))
			.contains("href=\"https://example.com/x\"")
			.contains("href=\"/panel\"")
			.contains("src=\"https://example.com/i.png\"");
	}

	@Test
	void givesPlainTextForMail() {
		assertThat(Markdown.text("**Bold** and [a link](https://example.com)")).contains("Bold").contains("a link");
	}

}
