package com.partnerline.trials;

import java.util.List;

import com.partnerline.kernel.CustomerErased;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Trials a partner referred, for its data export (without the customers' emails: they are
 * the customers' data, not the partner's); and a customer's erasure: the email on its
 * trials becomes the pseudonym (the trial, its partner and its dates stay).
 */
@Component
class TrialPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	TrialPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(Table.query(jdbc, "trials-referred", """
				SELECT t.id, v.slug AS vendor, t.sku, t.started_at, t.expires_at, t.expired_at
				FROM trials t JOIN vendors v ON v.id = t.vendor_id
				WHERE t.partner_id = ? ORDER BY t.started_at""", partner.value()));
	}

	@EventListener
	void on(CustomerErased event) {
		jdbc.sql("UPDATE trials SET email = ? WHERE lower(email) = ?")
			.params(event.pseudonym() + "@erased.invalid", event.email())
			.update();
	}

}
