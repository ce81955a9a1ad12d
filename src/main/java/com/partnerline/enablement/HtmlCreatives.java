package com.partnerline.enablement;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerline.kernel.ApiProblem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * HTML5 banner creatives: one self-contained {@code .html} file whose images are part of
 * the upload ({@code data:} URIs of PNG, JPEG or GIF images that decode), sized by
 * {@code <meta name="ad.size" content="width=300,height=250">} (the IAB convention).
 * Anything active or reaching outside is refused with 422 naming the problem: scripts,
 * event handlers, {@code javascript:} addresses, a meta refresh, frames and plugins,
 * forms, SVG or MathML inside, and external style sheets, fonts or images. What passes
 * is then rebuilt from jsoup's allow-list cleaner (body) and the checked style sheet
 * (head), so only elements and attributes on the list are ever stored; every link leads
 * to the creative's target. It is served only under a sandboxing Content-Security-Policy
 * and, in a partner's code, inside {@code <iframe sandbox>}, where each link is the
 * partner's own tracking link.
 */
final class HtmlCreatives {

	static final Set<String> TYPES = Set.of("text/html", "application/xhtml+xml");

	static final int MAX_SIDE = 2000;

	private static final Set<String> SCRIPTS = Set.of("script", "noscript", "template");

	private static final Set<String> FRAMES = Set.of("iframe", "frame", "frameset", "object", "embed", "applet",
			"portal", "fencedframe");

	private static final Set<String> FORMS = Set.of("form", "input", "button", "select", "textarea", "datalist",
			"output", "isindex");

	private static final Set<String> FOREIGN = Set.of("svg", "math");

	private static final Set<String> EXTERNAL = Set.of("link", "base", "video", "audio", "source", "track",
			"picture");

	private static final Pattern SIZE = Pattern
		.compile("\\s*width\\s*=\\s*(\\d{1,5})\\s*[,;]\\s*height\\s*=\\s*(\\d{1,5})\\s*");

	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)", Pattern.DOTALL);

	private static final Pattern DATA_IMAGE = Pattern
		.compile("data:image/(png|jpeg|gif);base64,([A-Za-z0-9+/=\\s]+)", Pattern.CASE_INSENSITIVE);

	/** What may stay: text-level and layout elements with classes and inline styles, images from the upload, links. */
	private static final Safelist SAFE = Safelist.relaxed()
		.addAttributes(":all", "class", "style", "title", "dir", "lang")
		.removeProtocols("img", "src", "http", "https")
		.addProtocols("img", "src", "data")
		.removeProtocols("a", "href", "ftp", "mailto");

	private HtmlCreatives() {
	}

	/**
	 * The checked and rebuilt creative.
	 * @param target where every link of the creative leads (the vendor's address)
	 * @throws ApiProblem 422 naming the problem in field {@code file}
	 */
	static UploadChecks.Checked check(byte[] bytes, String target) {
		Document source = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
		int width = -1;
		int height = -1;
		StringBuilder css = new StringBuilder();
		// code first, wherever it is, so that the answer names the worst problem
		for (Element element : source.getAllElements()) {
			if (SCRIPTS.contains(element.normalName())) {
				throw refused("enablement.html.script");
			}
			for (Attribute attribute : element.attributes()) {
				checkCode(attribute);
			}
		}
		for (Element element : source.getAllElements()) {
			String name = element.normalName();
			if (FRAMES.contains(name)) {
				throw refused("enablement.html.frame");
			}
			if (FORMS.contains(name)) {
				throw refused("enablement.html.form");
			}
			if (FOREIGN.contains(name)) {
				throw refused("enablement.html.svg");
			}
			if (EXTERNAL.contains(name)) {
				throw refused("enablement.html.external");
			}
			if (name.equals("meta")) {
				if (element.hasAttr("http-equiv")) {
					throw refused("enablement.html.metaRefresh");
				}
				if ("ad.size".equalsIgnoreCase(element.attr("name"))) {
					Matcher size = SIZE.matcher(element.attr("content"));
					if (size.matches()) {
						width = Integer.parseInt(size.group(1));
						height = Integer.parseInt(size.group(2));
					}
				}
			}
			for (Attribute attribute : element.attributes()) {
				checkAttribute(name, attribute);
			}
			if (name.equals("style")) {
				css.append(checkCss(element.data())).append('\n');
			}
		}
		if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
			throw refused("enablement.html.size");
		}
		Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false)
			.charset(StandardCharsets.UTF_8);
		Document body = Jsoup.parseBodyFragment(Jsoup.clean(source.body().html(), "", SAFE, output));
		for (Element link : body.select("a")) {
			link.attr("href", target).attr("target", "_blank").attr("rel", "noopener");
		}
		if (body.body().text().isBlank() && body.select("img").isEmpty()) {
			throw refused("enablement.html.empty");
		}
		String title = source.title().isBlank() ? "Banner" : source.title().strip();
		String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"ad.size\" content=\"width="
				+ width + ",height=" + height + "\"><title>" + org.jsoup.nodes.Entities.escape(title)
				+ "</title><style>html,body{margin:0;padding:0;overflow:hidden}a{color:inherit}\n" + css
				+ "</style></head><body>" + body.body().html() + "</body></html>\n";
		byte[] clean = html.getBytes(StandardCharsets.UTF_8);
		return new UploadChecks.Checked("text/html", clean, UploadChecks.sha256(clean), width, height);
	}

	/**
	 * The stored creative as a partner's visitors see it: every link is the partner's
	 * tracking link, opened in a new window; a creative without links becomes one link.
	 */
	static byte[] forPartner(byte[] stored, String trackingLink) {
		Document document = Jsoup.parse(new String(stored, StandardCharsets.UTF_8));
		document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
		if (document.select("a").isEmpty()) {
			Element wrapper = new Element("a").attr("style",
					"display:block;width:100%;height:100%;text-decoration:none;color:inherit");
			wrapper.appendChildren(document.body().childNodesCopy());
			document.body().empty().appendChild(wrapper);
		}
		for (Element link : document.select("a")) {
			link.attr("href", trackingLink).attr("target", "_blank").attr("rel", "noopener");
		}
		return document.outerHtml().getBytes(StandardCharsets.UTF_8);
	}

	/** Event handlers and addresses that run code. */
	private static void checkCode(Attribute attribute) {
		String name = attribute.getKey().toLowerCase(Locale.ROOT);
		String value = attribute.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
		if (name.startsWith("on")) {
			throw refused("enablement.html.eventHandler");
		}
		if (value.contains("javascript:") || value.contains("vbscript:") || value.startsWith("data:text")
				|| value.startsWith("data:application")) {
			throw refused("enablement.html.javascriptUrl");
		}
	}

	private static void checkAttribute(String element, Attribute attribute) {
		String name = attribute.getKey().toLowerCase(Locale.ROOT);
		if (name.equals("style")) {
			checkCss(attribute.getValue());
		}
		if (name.equals("srcset") || name.equals("background") || name.equals("poster") || name.equals("formaction")
				|| name.equals("action") || name.equals("xlink:href") || name.equals("ping")) {
			throw refused("enablement.html.external");
		}
		if (name.equals("src")) {
			if (!element.equals("img")) {
				throw refused("enablement.html.external");
			}
			image(attribute.getValue());
		}
	}

	/** A style sheet that loads nothing from outside and runs nothing; returned as it is. */
	private static String checkCss(String css) {
		String lower = css.toLowerCase(Locale.ROOT);
		if (lower.contains("expression(") || lower.contains("behavior") || lower.contains("-moz-binding")
				|| lower.contains("javascript:")) {
			throw refused("enablement.html.javascriptUrl");
		}
		// escapes could spell url( or @import unseen; a closing tag could leave the style element
		if (lower.contains("@import") || lower.contains("@font-face") || css.contains("\\") || css.contains("<")) {
			throw refused("enablement.html.external");
		}
		Matcher url = CSS_URL.matcher(css);
		while (url.find()) {
			image(url.group(2));
		}
		if (lower.replaceAll("url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)", "").contains("url(")) {
			throw refused("enablement.html.external");
		}
		return css;
	}

	/** An image address inside the creative: a data URI of a PNG, JPEG or GIF that decodes. */
	private static void image(String address) {
		Matcher data = DATA_IMAGE.matcher(address.strip());
		if (!data.matches()) {
			throw refused("enablement.html.external");
		}
		byte[] bytes;
		try {
			bytes = Base64.getMimeDecoder().decode(data.group(2));
		}
		catch (IllegalArgumentException ex) {
			throw refused("enablement.html.image");
		}
		String type = UploadChecks.detect(bytes);
		if (!Set.of("image/png", "image/jpeg", "image/gif").contains(type)) {
			throw refused("enablement.html.image");
		}
		try {
			UploadChecks.decode(bytes);
		}
		catch (ApiProblem problem) {
			throw refused("enablement.html.image");
		}
	}

	/** 422 whose detail and field error both name the problem. */
	private static ApiProblem refused(String problem) {
		return new ApiProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, problem, new Object[0],
				java.util.List.of(new com.partnerline.kernel.FieldProblem("file", problem)));
	}

}
