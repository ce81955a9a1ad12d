package com.partnerline.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored accounts; emails are unique regardless of case. */
@Repository
class Accounts {

	private static final String COLUMNS = "id, email, display_name, role, status, locale, created_at";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Account account, String passwordHash) {
		jdbc.sql("""
				INSERT INTO accounts (id, email, password_hash, display_name, role, status, locale, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.id(), account.email(), passwordHash, account.displayName(), account.role().name(),
					account.status().name(), account.locale().toLanguageTag(), Timestamp.from(account.createdAt()))
			.update();
	}

	Optional<Account> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ?").param(id).query(Accounts::map).optional();
	}

	Optional<Account> findByEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE lower(email) = lower(?)")
			.param(email)
			.query(Accounts::map)
			.optional();
	}

	Optional<String> passwordHash(UUID id) {
		return jdbc.sql("SELECT password_hash FROM accounts WHERE id = ?").param(id).query(String.class).optional();
	}

	void updateStatus(UUID id, AccountStatus status) {
		jdbc.sql("UPDATE accounts SET status = ? WHERE id = ?").params(status.name(), id).update();
	}

	void updatePasswordHash(UUID id, String hash) {
		jdbc.sql("UPDATE accounts SET password_hash = ? WHERE id = ?").params(hash, id).update();
	}

	void updateLocale(UUID id, Locale locale) {
		jdbc.sql("UPDATE accounts SET locale = ? WHERE id = ?").params(locale.toLanguageTag(), id).update();
	}

	void updateDisplayName(UUID id, String displayName) {
		jdbc.sql("UPDATE accounts SET display_name = ? WHERE id = ?").params(displayName, id).update();
	}

	void updateTimeZone(UUID id, @Nullable String zone) {
		jdbc.sql("UPDATE accounts SET time_zone = ? WHERE id = ?").params(zone, id).update();
	}

	Optional<String> timeZone(UUID id) {
		return jdbc.sql("SELECT time_zone FROM accounts WHERE id = ?")
			.param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(zone -> zone);
	}

	void addManagedVendor(UUID accountId, long vendorId) {
		jdbc.sql("INSERT INTO vendor_managers (account_id, vendor_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(accountId, vendorId)
			.update();
	}

	boolean managesVendor(UUID accountId, long vendorId) {
		return jdbc.sql("SELECT count(*) FROM vendor_managers WHERE account_id = ? AND vendor_id = ?")
			.params(accountId, vendorId)
			.query(Long.class)
			.single() > 0;
	}

	List<Long> managedVendors(UUID accountId) {
		return jdbc.sql("SELECT vendor_id FROM vendor_managers WHERE account_id = ? ORDER BY vendor_id")
			.param(accountId)
			.query(Long.class)
			.list();
	}

	List<String> managerEmails(long vendorId) {
		return jdbc.sql("""
				SELECT a.email FROM vendor_managers m JOIN accounts a ON a.id = m.account_id
				WHERE m.vendor_id = ? AND a.status = 'ACTIVE' ORDER BY a.email""").param(vendorId).query(String.class).list();
	}

	List<Account> managers(long vendorId) {
		return jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "a.$1") + """
				 FROM vendor_managers m JOIN accounts a ON a.id = m.account_id
				WHERE m.vendor_id = ? AND a.status = 'ACTIVE' ORDER BY a.email""").param(vendorId).query(Accounts::map).list();
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), AccountStatus.valueOf(rs.getString("status")),
				Locale.forLanguageTag(rs.getString("locale")), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * Erasure: email and name become the pseudonym, the password can never match, status
	 * DISABLED; its tokens, failed log-ons and log-on addresses are deleted.
	 */
	void erase(UUID id, String oldEmail, String pseudonym) {
		jdbc.sql("""
				UPDATE accounts SET email = ?, display_name = ?, password_hash = '!erased', status = 'DISABLED',
				  time_zone = NULL WHERE id = ?""")
			.params(pseudonym + "@erased.invalid", pseudonym, id)
			.update();
		jdbc.sql("DELETE FROM api_tokens WHERE account_id = ?").param(id).update();
		jdbc.sql("DELETE FROM email_tokens WHERE account_id = ?").param(id).update();
		jdbc.sql("DELETE FROM logon_addresses WHERE account_id = ?").param(id).update();
		jdbc.sql("DELETE FROM login_failures WHERE lower(email) = lower(?)").param(oldEmail).update();
	}

}
