package com.partnerline.communication;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Announcement bodies are written in Markdown by vendor managers and shown to every
 * partner, so they are rendered safely: raw HTML in the source is escaped (shown as
 * text, never interpreted) and link and image URLs other than http(s), mailto and
 * relative ones are dropped (no {@code javascript:}).
 */
final class Markdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private Markdown() {
	}

	/** Safe HTML of {@code markdown}, to be inserted unescaped into a page or mail. */
	static String html(String markdown) {
		return HTML.render(PARSER.parse(markdown));
	}

	/** Plain text of {@code markdown}, for the text part of mails. */
	static String text(String markdown) {
		return TEXT.render(PARSER.parse(markdown));
	}

}
