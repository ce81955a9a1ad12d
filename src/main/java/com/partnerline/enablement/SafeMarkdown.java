package com.partnerline.enablement;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Markdown that vendor managers write and partners read: raw HTML in the source is
 * escaped by commonmark, and the HTML it renders is cleaned once more by jsoup against
 * an allow-list (no script, no event handler, no style, links and images only over
 * http(s), links opened without the opener), so that nothing a manager types runs in a
 * partner's page.
 */
final class SafeMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private static final Safelist SAFE = Safelist.relaxed()
		.removeProtocols("img", "src", "http")
		.addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

	private SafeMarkdown() {
	}

	static String html(String markdown) {
		Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
		return Jsoup.clean(HTML.render(PARSER.parse(markdown)), "", SAFE, output);
	}

}
