package com.partnerline.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import com.partnerline.catalog.Vendor;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a URL may be a link's target: an absolute {@code https} URL whose
 * host equals one of the vendor's allowed domains exactly, with no user info, no port
 * other than 443, no control characters, spaces or backslashes. Everything else
 * ({@code javascript:}, {@code https://shop.example.com@evil.test}, look-alike or
 * sub-domain hosts, a trailing dot) is refused.
 */
final class TargetUrls {

	static final int MAX_LENGTH = 2000;

	private TargetUrls() {
	}

	/** The normalised URL (host lower-cased), or {@literal null} when it is not allowed. */
	static @Nullable String allowed(Vendor vendor, String url) {
		if (url.isEmpty() || url.length() > MAX_LENGTH) {
			return null;
		}
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c <= 0x20 || c >= 0x7f || c == '\\') {
				return null;
			}
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return null;
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.isOpaque() || uri.getRawUserInfo() != null) {
			return null;
		}
		String host = uri.getHost();
		String authority = uri.getRawAuthority();
		if (host == null || authority == null || authority.contains("@")) {
			return null;
		}
		if (uri.getPort() != -1 && uri.getPort() != 443) {
			return null;
		}
		String lower = host.toLowerCase(Locale.ROOT);
		if (!vendor.allowsHost(lower)) {
			return null;
		}
		StringBuilder normalized = new StringBuilder("https://").append(lower);
		if (uri.getPort() == 443) {
			normalized.append(":443");
		}
		String path = uri.getRawPath();
		normalized.append(path == null || path.isEmpty() ? "/" : path);
		if (uri.getRawQuery() != null) {
			normalized.append('?').append(uri.getRawQuery());
		}
		if (uri.getRawFragment() != null) {
			normalized.append('#').append(uri.getRawFragment());
		}
		return normalized.toString();
	}

	/** The target with {@code plc=<clickId>} added to its query, before any fragment. */
	static String withClickId(String target, String clickId) {
		int hash = target.indexOf('#');
		String base = hash < 0 ? target : target.substring(0, hash);
		String fragment = hash < 0 ? "" : target.substring(hash);
		char separator = base.indexOf('?') < 0 ? '?' : (base.endsWith("?") || base.endsWith("&") ? 0 : '&');
		return separator == 0 ? base + "plc=" + clickId + fragment : base + separator + "plc=" + clickId + fragment;
	}

}
