package com.partnerline.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bearer tokens. Only a SHA-256 hash of each token is stored: tokens are 256 random
 * bits, so a fast hash is enough, and a stolen table reveals no usable token.
 */
@Repository
class ApiTokens {

	enum Kind {

		ADMIN, ACCOUNT

	}

	record Resolved(Kind kind, @Nullable UUID accountId) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	void store(String token, Kind kind, @Nullable UUID accountId, Instant now, @Nullable Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO api_tokens (token_hash, kind, account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (token_hash) DO NOTHING""")
			.params(hash(token), kind.name(), accountId, Timestamp.from(now),
					expiresAt == null ? null : Timestamp.from(expiresAt))
			.update();
	}

	boolean anyOfKind(Kind kind) {
		return jdbc.sql("SELECT count(*) FROM api_tokens WHERE kind = ?").param(kind.name()).query(Long.class).single() > 0;
	}

	Optional<Resolved> resolve(String token, Instant now) {
		return jdbc.sql("""
				SELECT kind, account_id FROM api_tokens
				WHERE token_hash = ? AND (expires_at IS NULL OR expires_at > ?)""")
			.params(hash(token), Timestamp.from(now))
			.query((rs, row) -> new Resolved(Kind.valueOf(rs.getString("kind")), rs.getObject("account_id", UUID.class)))
			.optional();
	}

	void revokeAll(UUID accountId) {
		jdbc.sql("DELETE FROM api_tokens WHERE account_id = ?").param(accountId).update();
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
