package com.partnerline.accounts;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure the platform has an admin token: the one given in
 * {@code PARTNERLINE_ADMIN_TOKEN}, or else one generated on the very first start and
 * printed that once. Only its hash is kept.
 */
@Component
@Order(0)
class AdminTokenBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

	private final ApiTokens tokens;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String configuredToken;

	AdminTokenBootstrap(ApiTokens tokens, JdbcClient jdbc, Clock clock,
			@Value("${partnerline.admin-token:}") String configuredToken) {
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.clock = clock;
		this.configuredToken = configuredToken;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// Serialises nodes starting together, so that only one of them generates a token.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('partnerline.admin-token'))").query().singleRow();
		if (!configuredToken.isBlank()) {
			tokens.store(configuredToken, ApiTokens.Kind.ADMIN, null, clock.instant(), null);
			return;
		}
		if (!tokens.anyOfKind(ApiTokens.Kind.ADMIN)) {
			String token = ApiTokens.newToken();
			tokens.store(token, ApiTokens.Kind.ADMIN, null, clock.instant(), null);
			log.warn("""

					================================================================
					 Partnerline admin token (shown once, only its hash is kept):
					   {}
					 Use it as: Authorization: Bearer <token>
					================================================================""", token);
		}
	}

}
