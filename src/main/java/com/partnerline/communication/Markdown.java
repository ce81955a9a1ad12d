package com.partnerline.communication;

import java.util.Locale;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Announcement bodies are written in Markdown by vendor managers and shown to every
 * partner, so they are rendered safely: raw HTML in the source is escaped (shown as
 * text, never interpreted) and link and image URLs other than http(s), mailto (links)
 * and relative ones are dropped (no {@code javascript:}, no {@code data:}).
 */
final class Markdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new WebUrls())
		.build();

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private Markdown() {
	}

	/** Safe HTML of {@code markdown}, to be inserted unescaped into a page or mail. */
	static String html(String markdown) {
		return HTML.render(PARSER.parse(markdown));
	}

	/** Keeps web addresses only: any other scheme becomes an empty address. */
	private static final class WebUrls implements UrlSanitizer {

		@Override
		public String sanitizeLinkUrl(String url) {
			return allowed(url, true) ? url : "";
		}

		@Override
		public String sanitizeImageUrl(String url) {
			return allowed(url, false) ? url : "";
		}

		private static boolean allowed(String url, boolean mailto) {
			String trimmed = url.strip().toLowerCase(Locale.ROOT);
			int colon = trimmed.indexOf(':');
			int end = trimmed.replaceAll("[/?#].*", "").length();
			if (colon < 0 || colon > end) {
				return true;
			}
			String scheme = trimmed.substring(0, colon);
			return scheme.equals("http") || scheme.equals("https") || (mailto && scheme.equals("mailto"));
		}

	}

	/** Plain text of {@code markdown}, for the text part of mails. */
	static String text(String markdown) {
		return TEXT.render(PARSER.parse(markdown));
	}

}
