package com.partnerline.invoicing;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner's legal details, self-billing agreements and the invoices issued on its behalf,
 * for its data export. Erasure is {@link SelfBilling}'s listener.
 */
@Component
class InvoicingPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	InvoicingPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "invoicing-legal-details", """
						SELECT legal_name, address, country, vat_id, updated_at
						FROM partner_legal_details WHERE partner_id = ?""", partner.value()),
				Table.query(jdbc, "invoicing-agreements", """
						SELECT v.slug AS vendor, a.terms_version, a.contract_id, a.agreed_at
						FROM self_billing_agreements a JOIN vendors v ON v.id = a.vendor_id
						WHERE a.partner_id = ? ORDER BY a.agreed_at""", partner.value()),
				Table.query(jdbc, "invoicing-invoices", """
						SELECT v.slug AS vendor, i.number, i.month, i.issued_on, i.payout_month, i.supplier_name,
						  i.supplier_vat_id, i.customer_name, i.currency, i.net, i.treatment, i.vat_rate, i.vat, i.gross
						FROM invoices i JOIN vendors v ON v.id = i.vendor_id
						WHERE i.partner_id = ? ORDER BY v.slug, i.number""", partner.value()));
	}

}
