package com.partnerline.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.google.common.net.InetAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The addresses people logged on from (a successful form log-on or token), one row per
 * account and address with the last time it was seen; the risk rule
 * {@code sameAddressOrDomain} asks for a partner's recent ones (commission-policy.md, Holds).
 */
@Component
public class LogonAddresses {

	private final JdbcClient jdbc;

	private final Clock clock;

	LogonAddresses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void recordByEmail(String email, String address) {
		if (!InetAddresses.isInetAddress(address)) {
			return;
		}
		jdbc.sql("""
				INSERT INTO logon_addresses (account_id, address, last_seen_at)
				SELECT id, ?, ? FROM accounts WHERE lower(email) = lower(?)
				ON CONFLICT (account_id, address) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at""")
			.params(InetAddresses.toAddrString(InetAddresses.forString(address)), Timestamp.from(clock.instant()), email)
			.update();
	}

	/** The addresses (canonical literals) the account logged on from since {@code since}. */
	public List<String> since(UUID accountId, Instant since) {
		return jdbc.sql("SELECT address FROM logon_addresses WHERE account_id = ? AND last_seen_at >= ?")
			.params(accountId, Timestamp.from(since))
			.query(String.class)
			.list();
	}

}
