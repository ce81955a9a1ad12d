package com.partnerline.communication;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;
import com.partnerline.partners.PartnerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What communication keeps about a partner: its tickets with every message and attachment,
 * announcements read; exported, and on erasure the texts and files the partner wrote
 * replaced (the tickets stay, for the vendor's figures).
 */
@Component
class CommunicationPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	CommunicationPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "communication-tickets", """
						SELECT t.id, v.slug AS vendor, t.subject, t.category, t.status, t.created_at, t.updated_at
						FROM tickets t JOIN vendors v ON v.id = t.vendor_id
						WHERE t.partner_id = ? ORDER BY t.created_at""", partner.value()),
				Table.query(jdbc, "communication-ticket-messages", """
						SELECT m.ticket_id, m.id, m.author, m.author_name, m.body, m.created_at
						FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
						WHERE t.partner_id = ? ORDER BY m.created_at, m.id""", partner.value()),
				Table.query(jdbc, "communication-ticket-attachments", """
						SELECT a.ticket_id, a.message_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.created_at
						FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id
						WHERE t.partner_id = ? ORDER BY a.created_at, a.position""", partner.value()),
				Table.query(jdbc, "communication-announcements-read", """
						SELECT r.announcement_id, a.title, r.read_at FROM announcement_reads r
						JOIN announcements a ON a.id = r.announcement_id
						WHERE r.partner_id = ? ORDER BY r.read_at""", partner.value()));
	}

	@EventListener
	void on(PartnerErased event) {
		jdbc.sql("""
				DELETE FROM ticket_attachments a USING ticket_messages m, tickets t
				WHERE a.message_id = m.id AND m.ticket_id = t.id AND t.partner_id = ? AND m.author = 'PARTNER'""")
			.param(event.partnerId().value())
			.update();
		jdbc.sql("""
				UPDATE ticket_messages m SET author_name = ?, body = '[erased]'
				FROM tickets t WHERE m.ticket_id = t.id AND t.partner_id = ? AND m.author = 'PARTNER'""")
			.params(event.pseudonym(), event.partnerId().value())
			.update();
		jdbc.sql("UPDATE tickets SET subject = ? WHERE partner_id = ?")
			.params("[erased] " + event.pseudonym(), event.partnerId().value())
			.update();
	}

}
