package com.partnerline.communication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.Membership;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Announcements, their read receipts and the partners' mail opt-outs; every query names its vendor or partner. */
@Repository
class AnnouncementStore {

	private static final String COLUMNS = "id, vendor_id, title, body, audience, publish_at, created_at, created_by, mailed_at";

	private final JdbcClient jdbc;

	AnnouncementStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Announcement announcement) {
		jdbc.sql("""
				INSERT INTO announcements (id, vendor_id, title, body, audience, publish_at, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(announcement.id(), announcement.vendorId().value(), announcement.title(), announcement.body(),
					announcement.audience().name(), Timestamp.from(announcement.publishAt()),
					Timestamp.from(announcement.createdAt()), announcement.createdBy())
			.update();
	}

	Optional<Announcement> find(VendorId vendorId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM announcements WHERE vendor_id = ? AND id = ?")
			.params(vendorId.value(), id)
			.query(AnnouncementStore::announcement)
			.optional();
	}

	/** Newest first, with how many partners have read each one. */
	List<WithReads> ofVendor(VendorId vendorId) {
		return jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "a.$1") + """
				, (SELECT count(*) FROM announcement_reads r WHERE r.announcement_id = a.id) AS reads
				FROM announcements a WHERE a.vendor_id = ? ORDER BY a.publish_at DESC, a.created_at DESC""")
			.param(vendorId.value())
			.query((rs, row) -> new WithReads(announcement(rs, row), rs.getLong("reads")))
			.list();
	}

	/**
	 * The published announcements that the partner's active memberships address to it,
	 * newest first, each with whether the partner has read it.
	 */
	List<Visible> visibleTo(PartnerId partnerId, List<Membership> memberships, Instant at) {
		List<Membership> active = memberships.stream().filter(Membership::isActive).toList();
		if (active.isEmpty()) {
			return List.of();
		}
		StringBuilder where = new StringBuilder();
		List<Object> params = new ArrayList<>();
		params.add(partnerId.value());
		for (Membership membership : active) {
			where.append(where.isEmpty() ? "" : " OR ").append("(a.vendor_id = ? AND a.audience IN ('ALL', ?))");
			params.add(membership.vendorId().value());
			params.add(membership.type().name());
		}
		params.add(Timestamp.from(at));
		return jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "a.$1") + """
				, r.read_at FROM announcements a
				LEFT JOIN announcement_reads r ON r.announcement_id = a.id AND r.partner_id = ?
				WHERE (""" + where + ") AND a.publish_at <= ? ORDER BY a.publish_at DESC, a.created_at DESC")
			.params(params)
			.query((rs, row) -> new Visible(announcement(rs, row), rs.getTimestamp("read_at") != null))
			.list();
	}

	void markRead(UUID announcementId, PartnerId partnerId, Instant at) {
		jdbc.sql("""
				INSERT INTO announcement_reads (announcement_id, partner_id, read_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""").params(announcementId, partnerId.value(), Timestamp.from(at)).update();
	}

	/** Ids of announcements published by {@code at} and not mailed yet, oldest first. */
	List<UUID> dueForMail(Instant at) {
		return jdbc.sql("SELECT id FROM announcements WHERE mailed_at IS NULL AND publish_at <= ? ORDER BY publish_at")
			.param(Timestamp.from(at))
			.query(UUID.class)
			.list();
	}

	/**
	 * Claims the announcement for mailing: true for exactly one caller however many
	 * nodes try at once (the row lock makes the others wait and then find it claimed).
	 */
	Optional<Announcement> claimForMail(UUID id, Instant at) {
		return jdbc.sql("UPDATE announcements SET mailed_at = ? WHERE id = ? AND mailed_at IS NULL RETURNING " + COLUMNS)
			.params(Timestamp.from(at), id)
			.query(AnnouncementStore::announcement)
			.optional();
	}

	boolean wantsMail(PartnerId partnerId) {
		return jdbc.sql("SELECT count(*) FROM announcement_mail_opt_outs WHERE partner_id = ?")
			.param(partnerId.value())
			.query(Long.class)
			.single() == 0;
	}

	void setWantsMail(PartnerId partnerId, boolean wanted, Instant at) {
		if (wanted) {
			jdbc.sql("DELETE FROM announcement_mail_opt_outs WHERE partner_id = ?").param(partnerId.value()).update();
		}
		else {
			jdbc.sql("INSERT INTO announcement_mail_opt_outs (partner_id, opted_out_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(partnerId.value(), Timestamp.from(at))
				.update();
		}
	}

	private static Announcement announcement(ResultSet rs, int row) throws SQLException {
		Timestamp mailed = rs.getTimestamp("mailed_at");
		return new Announcement(rs.getObject("id", UUID.class), new VendorId(rs.getLong("vendor_id")),
				rs.getString("title"), rs.getString("body"), Audience.valueOf(rs.getString("audience")),
				rs.getTimestamp("publish_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), mailed == null ? null : mailed.toInstant());
	}

	record WithReads(Announcement announcement, long reads) {
	}

	record Visible(Announcement announcement, boolean read) {
	}

}
