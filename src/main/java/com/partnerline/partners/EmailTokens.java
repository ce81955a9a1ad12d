package com.partnerline.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use tokens sent by mail (email confirmation, password reset). Only a
 * SHA-256 hash is stored: the tokens are 256 random bits, and a copy of the table
 * confirms no address and resets no password.
 */
@Repository
class EmailTokens {

	enum Purpose {

		CONFIRM, RESET

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	EmailTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new token; earlier unused tokens of the same purpose stop working, so only the latest mail counts. */
	String issue(UUID accountId, Purpose purpose, Instant now, Duration lifetime) {
		jdbc.sql("UPDATE email_tokens SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL")
			.params(Timestamp.from(now), accountId, purpose.name())
			.update();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO email_tokens (token_hash, account_id, purpose, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(hash(token), accountId, purpose.name(), Timestamp.from(now), Timestamp.from(now.plus(lifetime)))
			.update();
		return token;
	}

	/**
	 * Uses a token up and tells whose it was. The row is locked, so two clicks at once
	 * cannot both use it.
	 * @throws ApiProblem 410 when the token is unknown, used or expired
	 */
	UUID consume(String token, Purpose purpose, Instant now, String goneMessage) {
		Optional<Row> row = jdbc.sql("""
				SELECT account_id, expires_at, used_at FROM email_tokens
				WHERE token_hash = ? AND purpose = ? FOR UPDATE""")
			.params(hash(token), purpose.name())
			.query((rs, n) -> new Row(rs.getObject("account_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("used_at") != null))
			.optional();
		if (row.isEmpty() || row.get().used() || !row.get().expiresAt().isAfter(now)) {
			throw ApiProblem.gone(goneMessage);
		}
		jdbc.sql("UPDATE email_tokens SET used_at = ? WHERE token_hash = ?").params(Timestamp.from(now), hash(token)).update();
		return row.get().accountId();
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record Row(UUID accountId, Instant expiresAt, boolean used) {
	}

}
