package com.partnerline.enablement;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The partner's policy acknowledgements and seminar registrations, for its data export. */
@Component
class EnablementPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	EnablementPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "enablement-policy-acknowledgements", """
						SELECT v.slug AS vendor, a.kind, a.version, a.acknowledged_at
						FROM policy_acknowledgements a JOIN vendors v ON v.id = a.vendor_id
						WHERE a.partner_id = ? ORDER BY a.acknowledged_at""", partner.value()),
				Table.query(jdbc, "enablement-seminar-registrations", """
						SELECT v.slug AS vendor, s.title, s.starts_at, s.mode, r.status, r.registered_at
						FROM seminar_registrations r JOIN seminars s ON s.id = r.seminar_id JOIN vendors v ON v.id = s.vendor_id
						WHERE r.partner_id = ? ORDER BY s.starts_at""", partner.value()));
	}

}
