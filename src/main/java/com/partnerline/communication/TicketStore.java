package com.partnerline.communication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.PartnerType;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets, their messages and the response targets; every query of a ticket names its vendor. */
@Repository
class TicketStore {

	private static final String COLUMNS = "t.id, t.vendor_id, t.partner_id, t.partner_type, t.subject, t.category, t.status, "
			+ "t.assignee_id, t.created_at, t.updated_at, t.first_response_due, t.first_response_at";

	private final JdbcClient jdbc;

	TicketStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Ticket ticket) {
		jdbc.sql("""
				INSERT INTO tickets (id, vendor_id, partner_id, partner_type, subject, category, status, created_at,
				                     updated_at, first_response_due)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticket.id(), ticket.vendorId().value(), ticket.partnerId().value(), ticket.partnerType().name(),
					ticket.subject(), ticket.category().name(), ticket.status().name(),
					Timestamp.from(ticket.createdAt()), Timestamp.from(ticket.updatedAt()),
					Timestamp.from(ticket.firstResponseDue()))
			.update();
	}

	void insertMessage(TicketMessage message) {
		jdbc.sql("""
				INSERT INTO ticket_messages (id, ticket_id, author, author_name, body, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(message.id(), message.ticketId(), message.author(), message.authorName(), message.body(),
					Timestamp.from(message.createdAt()))
			.update();
	}

	/** The vendor's ticket, locked for the change that follows. */
	Optional<Ticket> lockOfVendor(VendorId vendorId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tickets t WHERE t.vendor_id = ? AND t.id = ? FOR UPDATE")
			.params(vendorId.value(), id)
			.query(TicketStore::ticket)
			.optional();
	}

	Optional<Ticket> ofVendor(VendorId vendorId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tickets t WHERE t.vendor_id = ? AND t.id = ?")
			.params(vendorId.value(), id)
			.query(TicketStore::ticket)
			.optional();
	}

	/** The partner's own ticket at the vendor: another partner's is not found. */
	Optional<Ticket> ofPartner(VendorId vendorId, PartnerId partnerId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tickets t WHERE t.vendor_id = ? AND t.partner_id = ? AND t.id = ?")
			.params(vendorId.value(), partnerId.value(), id)
			.query(TicketStore::ticket)
			.optional();
	}

	List<Ticket> allOfPartner(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tickets t WHERE t.vendor_id = ? AND t.partner_id = ? "
				+ "ORDER BY t.updated_at DESC")
			.params(vendorId.value(), partnerId.value())
			.query(TicketStore::ticket)
			.list();
	}

	List<TicketMessage> messages(UUID ticketId) {
		return jdbc.sql("""
				SELECT id, ticket_id, author, author_name, body, created_at FROM ticket_messages
				WHERE ticket_id = ? ORDER BY created_at, id""")
			.param(ticketId)
			.query((rs, row) -> new TicketMessage(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
					rs.getString("author"), rs.getString("author_name"), rs.getString("body"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void insertAttachment(TicketAttachment attachment, int position, byte[] content) {
		jdbc.sql("""
				INSERT INTO ticket_attachments (id, message_id, ticket_id, position, file_name, content_type, size_bytes,
				                                sha256, content, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(attachment.id(), attachment.messageId(), attachment.ticketId(), position, attachment.fileName(),
					attachment.contentType(), attachment.size(), attachment.sha256(), content,
					Timestamp.from(attachment.createdAt()))
			.update();
	}

	/** The ticket's attachments without their bytes, in the order of their messages and of upload. */
	List<TicketAttachment> attachments(UUID ticketId) {
		return jdbc.sql("""
				SELECT id, message_id, ticket_id, file_name, content_type, size_bytes, sha256, created_at
				FROM ticket_attachments WHERE ticket_id = ? ORDER BY created_at, message_id, position""")
			.param(ticketId)
			.query((rs, row) -> new TicketAttachment(rs.getObject("id", UUID.class),
					rs.getObject("message_id", UUID.class), rs.getObject("ticket_id", UUID.class),
					rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
					rs.getString("sha256"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** One attachment of the ticket with its bytes; one of another ticket is not found. */
	Optional<StoredFile> attachment(UUID ticketId, UUID id) {
		return jdbc.sql("""
				SELECT file_name, content_type, size_bytes, sha256, content FROM ticket_attachments
				WHERE ticket_id = ? AND id = ?""")
			.params(ticketId, id)
			.query((rs, row) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes"), rs.getString("sha256"), rs.getBytes("content")))
			.optional();
	}

	/** An attachment's bytes with what is known of them. */
	record StoredFile(String fileName, String contentType, long size, String sha256, byte[] content) {
	}

	void update(UUID id, TicketStatus status, @Nullable Instant firstResponseAt, Instant at) {
		jdbc.sql("UPDATE tickets SET status = ?, first_response_at = ?, updated_at = ? WHERE id = ?")
			.params(status.name(), firstResponseAt == null ? null : Timestamp.from(firstResponseAt), Timestamp.from(at), id)
			.update();
	}

	void assign(UUID id, @Nullable UUID assigneeId, Instant at) {
		jdbc.sql("UPDATE tickets SET assignee_id = ?, updated_at = ? WHERE id = ?")
			.params(assigneeId, Timestamp.from(at), id)
			.update();
	}

	/** One page of the vendor's queue and how many tickets match in all. */
	QueuePage queue(VendorId vendorId, QueueFilter filter, Instant at, int page, int size) {
		StringBuilder where = new StringBuilder(" FROM tickets t WHERE t.vendor_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(vendorId.value());
		if (filter.status() != null) {
			where.append(" AND t.status = ?");
			params.add(filter.status().name());
		}
		if (filter.category() != null) {
			where.append(" AND t.category = ?");
			params.add(filter.category().name());
		}
		if (filter.olderThanDays() != null) {
			where.append(" AND t.created_at <= ?");
			params.add(Timestamp.from(at.minus(java.time.Duration.ofDays(filter.olderThanDays()))));
		}
		if (filter.assigneeId() != null) {
			where.append(" AND t.assignee_id = ?");
			params.add(filter.assigneeId());
		}
		long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<Ticket> rows = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY " + filter.sort().orderBy() + ", t.id"
				+ " LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(TicketStore::ticket)
			.list();
		return new QueuePage(rows, total);
	}

	/** Per partner type, the vendor's first-response target in business days, where it has set one. */
	Map<PartnerType, Integer> targets(VendorId vendorId) {
		Map<PartnerType, Integer> targets = new EnumMap<>(PartnerType.class);
		jdbc.sql("SELECT partner_type, first_response_business_days FROM support_targets WHERE vendor_id = ?")
			.param(vendorId.value())
			.query((rs, row) -> targets.put(PartnerType.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return targets;
	}

	void saveTarget(VendorId vendorId, PartnerType type, int days) {
		jdbc.sql("""
				INSERT INTO support_targets (vendor_id, partner_type, first_response_business_days) VALUES (?, ?, ?)
				ON CONFLICT (vendor_id, partner_type) DO UPDATE SET first_response_business_days = EXCLUDED.first_response_business_days""")
			.params(vendorId.value(), type.name(), days)
			.update();
	}

	/** Tickets still awaiting a first reply whose target falls before {@code until} and whose managers were not warned. */
	List<Ticket> toWarn(Instant until) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM tickets t WHERE t.first_response_at IS NULL AND t.breach_warned_at IS NULL
				AND t.status IN ('OPEN', 'WAITING_FOR_PARTNER') AND t.first_response_due <= ?
				ORDER BY t.first_response_due""")
			.param(Timestamp.from(until))
			.query(TicketStore::ticket)
			.list();
	}

	/** Records the warning; true for exactly one caller however many nodes try at once. */
	boolean claimWarning(UUID id, Instant at) {
		return jdbc.sql("""
				UPDATE tickets SET breach_warned_at = ? WHERE id = ? AND breach_warned_at IS NULL
				AND first_response_at IS NULL""").params(Timestamp.from(at), id).update() == 1;
	}

	private static Ticket ticket(ResultSet rs, int row) throws SQLException {
		Timestamp first = rs.getTimestamp("first_response_at");
		return new Ticket(rs.getObject("id", UUID.class), new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)), PartnerType.valueOf(rs.getString("partner_type")),
				rs.getString("subject"), TicketCategory.valueOf(rs.getString("category")),
				TicketStatus.valueOf(rs.getString("status")), rs.getObject("assignee_id", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getTimestamp("first_response_due").toInstant(), first == null ? null : first.toInstant());
	}

	/** How the queue is ordered; the SQL comes from here only, never from the request. */
	enum QueueSort {

		/** Soonest target first, answered tickets after the waiting ones. */
		DUE("t.first_response_at IS NOT NULL, t.first_response_due"),
		/** Oldest first. */
		OLDEST("t.created_at"),
		/** Newest first. */
		NEWEST("t.created_at DESC"),
		/** Most recently changed first. */
		UPDATED("t.updated_at DESC");

		private final String orderBy;

		QueueSort(String orderBy) {
			this.orderBy = orderBy;
		}

		String orderBy() {
			return orderBy;
		}

	}

	record QueueFilter(@Nullable TicketStatus status, @Nullable TicketCategory category, @Nullable Integer olderThanDays,
			@Nullable UUID assigneeId, QueueSort sort) {
	}

	record QueuePage(List<Ticket> rows, long total) {
	}

}
