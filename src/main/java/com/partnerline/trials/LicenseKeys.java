package com.partnerline.trials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The licence key format, version 1: {@code base64url(payload) "." base64url(signature)},
 * no padding. The payload is UTF-8 text, one field a line: {@code PL1}, vendor slug, sku,
 * kind ({@code TRIAL}), licence id (a UUID), expiry (Unix seconds). The signature is
 * Ed25519 (RFC 8032, built into the JDK) over the payload's bytes with the vendor's
 * private key; anyone holding the public key checks it offline. Keys carry no email.
 */
final class LicenseKeys {

	static final String ALGORITHM = "Ed25519";

	static final String VERSION = "PL1";

	/** Longer keys are not ours: no parsing, no signature check. */
	static final int MAX_LENGTH = 600;

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,500}\\.[A-Za-z0-9_-]{86}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private LicenseKeys() {
	}

	/** What a licence key says. */
	record Payload(String vendor, String sku, String kind, UUID licenseId, Instant expiresAt) {

		String text() {
			return String.join("\n", VERSION, vendor, sku, kind, licenseId.toString(),
					Long.toString(expiresAt.getEpochSecond()));
		}

	}

	static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available", ex);
		}
	}

	static String sign(Payload payload, PrivateKey key) {
		byte[] text = payload.text().getBytes(StandardCharsets.UTF_8);
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(key);
			signature.update(text);
			return ENCODER.encodeToString(text) + "." + ENCODER.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing failed", ex);
		}
	}

	/** The payload as the key states it, signature not checked; empty when it is not a key of this format. */
	static Optional<Payload> read(String key) {
		if (key.length() > MAX_LENGTH || !SHAPE.matcher(key).matches()) {
			return Optional.empty();
		}
		try {
			String text = new String(DECODER.decode(key.substring(0, key.indexOf('.'))), StandardCharsets.UTF_8);
			String[] fields = text.split("\n", -1);
			if (fields.length != 6 || !VERSION.equals(fields[0])) {
				return Optional.empty();
			}
			return Optional.of(new Payload(fields[1], fields[2], fields[3], UUID.fromString(fields[4]),
					Instant.ofEpochSecond(Long.parseLong(fields[5]))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Whether the key's signature is the one {@code key}'s owner made over its payload. */
	static boolean verify(String licenseKey, PublicKey key) {
		if (licenseKey.length() > MAX_LENGTH || !SHAPE.matcher(licenseKey).matches()) {
			return false;
		}
		int dot = licenseKey.indexOf('.');
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(key);
			signature.update(DECODER.decode(licenseKey.substring(0, dot)));
			return signature.verify(DECODER.decode(licenseKey.substring(dot + 1)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	static PublicKey publicKey(byte[] x509) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Stored public key unreadable", ex);
		}
	}

	static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Stored private key unreadable", ex);
		}
	}

	/** The public key as PEM ({@code PUBLIC KEY}, X.509 SubjectPublicKeyInfo). */
	static String pem(PublicKey key) {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
	}

	/** The 32 raw bytes of an Ed25519 public key (the end of its X.509 encoding), base64url: a JWK's {@code x}. */
	static String jwkX(PublicKey key) {
		byte[] encoded = key.getEncoded();
		byte[] raw = new byte[32];
		System.arraycopy(encoded, encoded.length - 32, raw, 0, 32);
		return ENCODER.encodeToString(raw);
	}

}
