package com.partnerline.kernel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one signature of docs/api.md, used both ways: order processors sign what they send
 * to us, and Partnerline signs the webhooks it sends out. Header
 * {@code X-Partnerline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.<raw body>">},
 * keyed with the UTF-8 bytes of the secret.
 */
public final class HmacSignature {

	public static final String HEADER = "X-Partnerline-Signature";

	private HmacSignature() {
	}

	/** HMAC-SHA256 of {@code "<timestamp>.<body>"}; will never be {@literal null}. */
	public static byte[] sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The header value {@code t=..,v1=..} for a body signed at {@code timestamp} (unix seconds). */
	public static String header(String secret, long timestamp, byte[] body) {
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(secret, timestamp, body));
	}

}
