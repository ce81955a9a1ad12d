package com.partnerline.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: who accepted which terms, who decided what, which contract changed
 * and which cap was overridden. Entries are written in the transaction of the change
 * they record, so there is never a change without its entry or the other way round.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, @Nullable Long vendorId, String action, @Nullable String subject,
			@Nullable String details) {
		jdbc.sql("""
				INSERT INTO audit_log (occurred_at, actor, vendor_id, action, subject, details)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(clock.instant()), actor, vendorId, action, subject, details)
			.update();
	}

	/** The latest entries of a vendor, newest first. */
	public List<Entry> entries(long vendorId, int limit) {
		return jdbc.sql("""
				SELECT occurred_at, actor, action, subject, details FROM audit_log
				WHERE vendor_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?""")
			.params(vendorId, limit)
			.query((rs, row) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject"), rs.getString("details")))
			.list();
	}

	/** Entries about one subject (an account, a proposal), oldest first. */
	public List<Entry> entriesAbout(String subject) {
		return jdbc.sql("""
				SELECT occurred_at, actor, action, subject, details FROM audit_log
				WHERE subject = ? ORDER BY occurred_at, id""")
			.param(subject)
			.query((rs, row) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject"), rs.getString("details")))
			.list();
	}

	public record Entry(Instant occurredAt, String actor, String action, @Nullable String subject,
			@Nullable String details) {
	}

}
