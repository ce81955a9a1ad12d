package com.partnerline.accounts;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The partner's account for its data export: email, name, language, log-on addresses. */
@Component
class AccountPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AccountPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "account", """
						SELECT id, email, display_name, role, status, locale, time_zone, created_at
						FROM accounts WHERE id = ?""", partner.value()),
				Table.query(jdbc, "account-logon-addresses",
						"SELECT address, last_seen_at FROM logon_addresses WHERE account_id = ? ORDER BY last_seen_at",
						partner.value()));
	}

}
