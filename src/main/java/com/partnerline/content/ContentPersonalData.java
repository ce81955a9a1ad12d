package com.partnerline.content;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The partner's content agreements (with their feed keys) and informer settings, for its data export. */
@Component
class ContentPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	ContentPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "content-agreements", """
						SELECT a.id, v.slug AS vendor, a.feeds, a.max_items, a.schedule, a.terms, a.feed_key, a.created_at
						FROM content_agreements a JOIN vendors v ON v.id = a.vendor_id
						WHERE a.partner_id = ? ORDER BY a.created_at""", partner.value()),
				Table.query(jdbc, "content-informer-settings",
						"SELECT style, size, updated_at FROM informer_settings WHERE partner_id = ?", partner.value()));
	}

}
