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

	/**
	 * Entries about a person, oldest first: those whose subject is one of {@code subjects}
	 * (its ids) or whose actor is one of {@code actors} (its email).
	 */
	public List<Entry> entriesOf(List<String> subjects, List<String> actors) {
		return jdbc.sql("""
				SELECT occurred_at, actor, action, subject, details FROM audit_log
				WHERE subject = ANY (?) OR lower(actor) = ANY (?) ORDER BY occurred_at, id""")
			.params(subjects.toArray(String[]::new), actors.stream().map(String::toLowerCase).toArray(String[]::new))
			.query((rs, row) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject"), rs.getString("details")))
			.list();
	}

	/**
	 * Erasure: each of {@code values} (an erased person's email, names) becomes the pseudonym
	 * wherever an entry names it, as actor, subject or in its details, whatever its case. The
	 * entries themselves stay (what was done and when). Runs in the erasing transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void pseudonymise(java.util.Collection<String> values, String pseudonym) {
		for (String value : values) {
			if (value.isBlank()) {
				continue;
			}
			String pattern = value.replaceAll("[\\\\.^$|?*+()\\[\\]{}]", "\\\\$0");
			jdbc.sql("""
					UPDATE audit_log SET actor = left(regexp_replace(actor, ?, ?, 'gi'), 100),
					  subject = regexp_replace(subject, ?, ?, 'gi'), details = regexp_replace(details, ?, ?, 'gi')
					WHERE strpos(lower(actor || ' ' || coalesce(subject, '') || ' ' || coalesce(details, '')), lower(?)) > 0""")
				.params(pattern, pseudonym, pattern, pseudonym, pattern, pseudonym, value)
				.update();
		}
	}

	public record Entry(Instant occurredAt, String actor, String action, @Nullable String subject,
			@Nullable String details) {
	}

}
