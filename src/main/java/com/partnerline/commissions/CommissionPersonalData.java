package com.partnerline.commissions;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;
import com.partnerline.partners.PartnerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What commissions keeps about a partner: statements with their lines, payouts and the bank
 * details; exported, and on erasure the bank details removed (statements and payout amounts
 * stay exactly as booked, the payee on paid items becomes the pseudonym).
 */
@Component
class CommissionPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	CommissionPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "commissions-statements", """
						SELECT v.slug AS vendor, to_char(s.month, 'YYYY-MM') AS month, s.partner_type, s.volume, s.band,
						  s.rate, s.commission, s.adjustments, s.brought_forward, s.payable, s.carried_forward, s.currency,
						  s.created_at
						FROM statements s JOIN vendors v ON v.id = s.vendor_id
						WHERE s.partner_id = ? ORDER BY s.month, v.slug""", partner.value()),
				Table.query(jdbc, "commissions-statement-lines", """
						SELECT v.slug AS vendor, to_char(s.month, 'YYYY-MM') AS month, l.kind, l.order_id, l.refund_id,
						  to_char(l.order_month, 'YYYY-MM') AS order_month, l.base_amount, l.rate, l.amount
						FROM statement_lines l JOIN statements s ON s.id = l.statement_id AND s.vendor_id = l.vendor_id
						JOIN vendors v ON v.id = s.vendor_id
						WHERE s.partner_id = ? ORDER BY s.month, l.id""", partner.value()),
				Table.query(jdbc, "commissions-payouts", """
						SELECT v.slug AS vendor, i.batch_id, to_char(b.month, 'YYYY-MM') AS batch_month, b.status,
						  b.paid_at, i.amount, b.currency, i.method, i.account_holder, i.iban, i.bic, i.email
						FROM payout_items i JOIN payout_batches b ON b.id = i.batch_id JOIN vendors v ON v.id = i.vendor_id
						WHERE i.partner_id = ? ORDER BY b.month, i.id""", partner.value()),
				Table.query(jdbc, "commissions-payout-details",
						"SELECT method, account_holder, iban, bic, email, updated_at FROM payout_details WHERE partner_id = ?",
						partner.value()));
	}

	@EventListener
	void on(PartnerErased event) {
		jdbc.sql("DELETE FROM payout_details WHERE partner_id = ?").param(event.partnerId().value()).update();
		// the trigger lets only the payee's personal columns change (V110)
		jdbc.sql("""
				UPDATE payout_items SET account_holder = ?, iban = NULL, bic = NULL, email = NULL
				WHERE partner_id = ?""")
			.params(event.pseudonym(), event.partnerId().value())
			.update();
	}

}
