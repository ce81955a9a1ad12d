package com.partnerline.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be, by what it is: a form ({@code partnerline.http.max-form})
 * and any other document such as JSON ({@code partnerline.http.max-json}) are small; a
 * multipart upload is held to the multipart settings and the server's limit
 * ({@code partnerline.http.max-body}) instead.
 */
@Component
class BodyLimits {

	/** For a multipart upload: no limit of its own here. */
	static final long UPLOAD = -1;

	private final long maxForm;

	private final long maxJson;

	private final long maxMultipart;

	BodyLimits(@Value("${partnerline.http.max-form:64KB}") DataSize maxForm,
			@Value("${partnerline.http.max-json:256KB}") DataSize maxJson,
			@Value("${spring.servlet.multipart.max-request-size}") DataSize maxMultipart) {
		this.maxForm = maxForm.toBytes();
		this.maxJson = maxJson.toBytes();
		this.maxMultipart = maxMultipart.toBytes();
	}

	/**
	 * The largest multipart request that Spring MVC takes; a servlet of a module's own
	 * that streams its uploads (the online scanner's) holds them to its own limit.
	 */
	long maxMultipart() {
		return maxMultipart;
	}

	/** The limit for a body of {@code contentType} (null when none is declared); {@link #UPLOAD} for uploads. */
	long forType(String contentType) {
		if (contentType == null) {
			return maxJson;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			if ("multipart".equalsIgnoreCase(type.getType())) {
				return UPLOAD;
			}
			return MediaType.APPLICATION_FORM_URLENCODED.includes(type) ? maxForm : maxJson;
		}
		catch (RuntimeException unreadableType) {
			return maxJson;
		}
	}

	/** The largest body that is not an upload: what Jetty gathers before a thread takes the request. */
	long largestDocument() {
		return Math.max(maxForm, maxJson);
	}

}
