package com.partnerline.orders;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.HmacSignature;
import org.jspecify.annotations.Nullable;

/**
 * The processor signature of docs/api.md: header
 * {@code X-Partnerline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.<raw body>">},
 * keyed with the vendor's processor secret (its UTF-8 bytes, as the admin API returned
 * it). More than five minutes off either way is refused, and the signature is compared
 * in constant time. Several {@code v1} values are allowed (any may match), so a vendor
 * can roll its secret.
 */
final class ProcessorSignature {

	static final String HEADER = HmacSignature.HEADER;

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private ProcessorSignature() {
	}

	/** @throws ApiProblem 401 when the header is missing, malformed, out of tolerance or wrong */
	static void verify(String secret, @Nullable String header, byte[] body, Instant now) {
		if (header == null || header.isBlank()) {
			throw ApiProblem.unauthorized("orders.signatureMissing");
		}
		Long timestamp = null;
		java.util.List<byte[]> signatures = new java.util.ArrayList<>();
		for (String part : header.split(",")) {
			String item = part.trim();
			int eq = item.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String key = item.substring(0, eq).trim();
			String value = item.substring(eq + 1).trim();
			try {
				if (key.equals("t")) {
					timestamp = Long.parseLong(value);
				}
				else if (key.equals("v1")) {
					signatures.add(HexFormat.of().parseHex(value.toLowerCase(java.util.Locale.ROOT)));
				}
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.unauthorized("orders.signatureMalformed");
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw ApiProblem.unauthorized("orders.signatureMalformed");
		}
		// compared as a range: the difference of a forged far-away time would overflow
		long tolerance = TOLERANCE.toSeconds();
		if (timestamp < now.getEpochSecond() - tolerance || timestamp > now.getEpochSecond() + tolerance) {
			throw ApiProblem.unauthorized("orders.signatureExpired");
		}
		byte[] expected = sign(secret, timestamp, body);
		boolean match = false;
		for (byte[] signature : signatures) {
			match |= MessageDigest.isEqual(expected, signature);
		}
		if (!match) {
			throw ApiProblem.unauthorized("orders.signatureInvalid");
		}
	}

	static byte[] sign(String secret, long timestamp, byte[] body) {
		return HmacSignature.sign(secret, timestamp, body);
	}

	/** The header value for a body, as a processor makes it (used by tests and the benchmark's twin). */
	static String header(String secret, long timestamp, byte[] body) {
		return HmacSignature.header(secret, timestamp, body);
	}

}
