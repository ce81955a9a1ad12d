package com.partnerline.webhooks;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;
import com.partnerline.partners.PartnerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner's own webhook endpoints (postbacks), for its data export (never the secret);
 * on erasure they stop and their address is removed (it may name the partner's site).
 */
@Component
class WebhookPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	WebhookPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(Table.query(jdbc, "webhooks-endpoints", """
				SELECT e.id, v.slug AS vendor, e.url, e.events, e.active, e.created_at
				FROM webhook_endpoints e JOIN vendors v ON v.id = e.vendor_id
				WHERE e.partner_id = ? ORDER BY e.created_at""", partner.value()));
	}

	@EventListener
	void on(PartnerErased event) {
		jdbc.sql("UPDATE webhook_endpoints SET url = 'https://erased.invalid/', active = FALSE WHERE partner_id = ?")
			.param(event.partnerId().value())
			.update();
	}

}
