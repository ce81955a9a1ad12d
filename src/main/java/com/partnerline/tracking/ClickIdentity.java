package com.partnerline.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Click ids and link codes (random), the keyed hash of a client address (HMAC-SHA256
 * with a key shared by all nodes and kept in the database, so that the raw address is
 * never stored yet repeats can be found), and the known-bot test.
 */
@Component
class ClickIdentity {

	/** In code point order, so that base-62 numbers of equal length sort as their values. */
	private static final String SORTABLE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final String[] BOTS = { "bot", "crawl", "spider", "slurp", "curl/", "wget/", "python-requests",
			"python-urllib", "go-http-client", "java/", "okhttp", "httpclient", "libwww", "headlesschrome",
			"phantomjs", "facebookexternalhit", "preview", "scrapy", "apache-httpclient", "monitor", "lighthouse" };

	// DRBG per thread: seeded once, then pure Java (the default NativePRNG reads /dev/urandom under a global lock)
	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			return new SecureRandom();
		}
	});

	private final ThreadLocal<Mac> macs;

	ClickIdentity(TrackingStore store) {
		byte[] candidate = new byte[32];
		new SecureRandom().nextBytes(candidate);
		byte[] key = HexFormat.of().parseHex(store.secret("address-hash", HexFormat.of().formatHex(candidate)));
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key, "HmacSHA256"));
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/**
	 * 18 characters: the time in milliseconds (7 characters in base 62, digits before
	 * letters, so that ids sort by time and each new click is stored at the end of the
	 * clicks' primary key instead of at a random page of it) and 11 random characters
	 * (about 64 bits: not guessable, so nobody can claim another's click).
	 */
	static String newClickId(Instant now) {
		char[] id = new char[18];
		long millis = now.toEpochMilli();
		for (int i = 6; i >= 0; i--) {
			id[i] = SORTABLE.charAt((int) (millis % SORTABLE.length()));
			millis /= SORTABLE.length();
		}
		fillRandom(id, 7);
		return new String(id);
	}

	/**
	 * The time a click id made by {@link #newClickId} names (to the millisecond; the click's
	 * own time is at most a millisecond later), or empty for an id not of that form. Lookups
	 * by id name the range of time it allows, so that only the partitions of that range of
	 * the clicks table are read (ADR 0029).
	 */
	static java.util.Optional<Instant> timeOf(String clickId) {
		if (clickId.length() != 18) {
			return java.util.Optional.empty();
		}
		long millis = 0;
		for (int i = 0; i < 7; i++) {
			int digit = SORTABLE.indexOf(clickId.charAt(i));
			if (digit < 0) {
				return java.util.Optional.empty();
			}
			millis = millis * SORTABLE.length() + digit;
		}
		return java.util.Optional.of(Instant.ofEpochMilli(millis));
	}

	/** 8 random characters (about 46 bits) for a link's code. */
	String newLinkCode() {
		return random(8);
	}

	String addressHash(String address) {
		byte[] digest = macs.get().doFinal(address.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, 16);
	}

	static boolean isBot(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return false;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		for (String bot : BOTS) {
			if (agent.contains(bot)) {
				return true;
			}
		}
		return false;
	}

	private static String random(int length) {
		char[] chars = new char[length];
		fillRandom(chars, 0);
		return new String(chars);
	}

	/** Fills {@code chars} from {@code from} on with random letters of the alphabet. */
	private static void fillRandom(char[] chars, int from) {
		int length = chars.length - from;
		byte[] bytes = new byte[length * 2];
		SecureRandom random = RANDOM.get();
		random.nextBytes(bytes);
		int n = from;
		for (int i = 0; i < bytes.length && n < chars.length; i++) {
			int value = bytes[i] & 0xff;
			// 57 letters: take values below 228 (4 × 57) so that every letter is equally likely
			if (value < 228) {
				chars[n++] = ALPHABET.charAt(value % ALPHABET.length());
			}
		}
		while (n < chars.length) {
			chars[n++] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
	}

}
