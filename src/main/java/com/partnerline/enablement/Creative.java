package com.partnerline.enablement;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One version of a creative (a banner or a document) as the library keeps it, without its bytes. */
record Creative(UUID id, long vendorId, String kind, String name, int version, int currentVersion,
		String contentType, String fileName, long size, String sha256, @Nullable Integer width,
		@Nullable Integer height, @Nullable String targetUrl, @Nullable String product, @Nullable String language,
		Instant uploadedAt, String uploadedBy) {

	public boolean isImage() {
		return contentType.startsWith("image/");
	}

	/** An HTML5 banner: shown only inside a sandboxed frame. */
	public boolean isHtml() {
		return contentType.equals("text/html");
	}

	public boolean isSvg() {
		return contentType.equals("image/svg+xml");
	}

}
