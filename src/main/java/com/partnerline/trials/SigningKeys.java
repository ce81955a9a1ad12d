package com.partnerline.trials;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnerline.kernel.VendorId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each vendor's Ed25519 key pair, generated once (the first trial or the first request
 * for the public key) and kept in PostgreSQL, so that every node signs with the same key
 * and a restart changes nothing. Two nodes generating at once: the first insert wins and
 * both read that one. Keys never change, so they are cached without expiry.
 */
@Component
class SigningKeys {

	record VendorKeys(PublicKey publicKey, PrivateKey privateKey) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Cache<Long, VendorKeys> cache = Caffeine.newBuilder().maximumSize(10_000).build();

	SigningKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	VendorKeys of(VendorId vendorId) {
		VendorKeys cached = cache.getIfPresent(vendorId.value());
		if (cached != null) {
			return cached;
		}
		Optional<VendorKeys> stored = read(vendorId);
		if (stored.isEmpty()) {
			KeyPair pair = LicenseKeys.generate();
			jdbc.sql("""
					INSERT INTO trial_signing_keys (vendor_id, public_key, private_key, created_at)
					VALUES (?, ?, ?, ?) ON CONFLICT (vendor_id) DO NOTHING""")
				.params(vendorId.value(), pair.getPublic().getEncoded(), pair.getPrivate().getEncoded(),
						Timestamp.from(clock.instant()))
				.update();
			stored = read(vendorId);
		}
		VendorKeys keys = stored.orElseThrow();
		cache.put(vendorId.value(), keys);
		return keys;
	}

	private Optional<VendorKeys> read(VendorId vendorId) {
		return jdbc.sql("SELECT public_key, private_key FROM trial_signing_keys WHERE vendor_id = ?")
			.param(vendorId.value())
			.query((rs, n) -> new VendorKeys(LicenseKeys.publicKey(rs.getBytes(1)),
					LicenseKeys.privateKey(rs.getBytes(2))))
			.optional();
	}

}
