package com.partnerline.partners;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What partners keeps about a partner: the profile, memberships, proposals, contracts and
 * terms acceptances; exported, and pseudonymised when the partner is erased.
 */
@Component
class PartnerPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	PartnerPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "partners-profile",
						"SELECT id, code, name, company, country, created_at FROM partners WHERE id = ?", partner.value()),
				Table.query(jdbc, "partners-memberships", """
						SELECT v.slug AS vendor, m.type, m.status, m.terms_version, m.joined_at
						FROM program_memberships m JOIN vendors v ON v.id = m.vendor_id
						WHERE m.partner_id = ? ORDER BY m.joined_at""", partner.value()),
				Table.query(jdbc, "partners-proposals", """
						SELECT p.id, v.slug AS vendor, p.status, p.company_profile, p.sales_plan, p.marketing_plan,
						  p.monthly_commitment, p.vendor_comment, p.submitted_at, p.decided_at
						FROM proposals p JOIN vendors v ON v.id = p.vendor_id
						WHERE p.partner_id = ? ORDER BY p.submitted_at""", partner.value()),
				Table.query(jdbc, "partners-contracts", """
						SELECT c.id, v.slug AS vendor, c.proposal_id, c.commission_rate, c.cap_override,
						  c.order_processing, c.starts_on, c.status, c.offered_at, c.accepted_at
						FROM contracts c JOIN vendors v ON v.id = c.vendor_id
						WHERE c.partner_id = ? ORDER BY c.offered_at""", partner.value()),
				Table.query(jdbc, "partners-terms-acceptances", """
						SELECT t.version, v.slug AS vendor, t.accepted_at, t.client_address
						FROM terms_acceptances t LEFT JOIN vendors v ON v.id = t.vendor_id
						WHERE t.account_id = ? ORDER BY t.accepted_at""", partner.value()));
	}

	// In the erasing transaction: the profile's name and company, the proposals' company
	// profile and marketing text, the addresses terms were accepted from.
	@EventListener
	void on(PartnerErased event) {
		jdbc.sql("UPDATE partners SET name = ?, company = NULL WHERE id = ?")
			.params(event.pseudonym(), event.partnerId().value())
			.update();
		jdbc.sql("""
				UPDATE proposals SET
				  company_profile = jsonb_build_object('name', CAST(? AS text),
				    'country', company_profile -> 'country', 'employees', company_profile -> 'employees'),
				  marketing_plan = jsonb_build_object('channels', marketing_plan -> 'channels')
				WHERE partner_id = ?""")
			.params(event.pseudonym(), event.partnerId().value())
			.update();
		jdbc.sql("UPDATE terms_acceptances SET client_address = NULL WHERE account_id = ?")
			.param(event.partnerId().value())
			.update();
	}

}
