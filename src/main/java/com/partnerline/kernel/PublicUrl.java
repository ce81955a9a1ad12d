package com.partnerline.kernel;

import java.net.URI;

/**
 * The address people reach the app at ({@code partnerline.public-url}). Every absolute
 * link the app hands out (mails, API answers, embeddable code, payout files) starts
 * with it. Never built from a request: its {@code Host} or {@code X-Forwarded-Host}
 * is whatever the client wrote, and a reset link on the attacker's host hands them
 * the account.
 */
public record PublicUrl(String base) {

	public PublicUrl {
		URI uri = URI.create(base.trim());
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new IllegalArgumentException("partnerline.public-url must be an absolute http(s) address: " + base);
		}
		base = base.trim().replaceAll("/+$", "");
	}

	/** The absolute link to {@code path}, which starts with {@code /}. */
	public String link(String path) {
		return base + path;
	}

}
