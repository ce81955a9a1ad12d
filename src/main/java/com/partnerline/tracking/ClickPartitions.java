package com.partnerline.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.partnerline.catalog.CatalogManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of {@code clicks} (ADR 0029): creates the partitions of this
 * month and the next {@value #MONTHS_AHEAD} ahead (moving into them any clicks the
 * default partition caught), and drops whole months of raw clicks older than the
 * retention ({@code partnerline.clicks.retention}, {@code PARTNERLINE_CLICKS_RETENTION}).
 * Statistics read {@code click_counts}, which retention never touches; the retention is
 * refused when it is shorter than the longest cookie window plus a month, so attribution
 * within the window always finds its click. Months are UTC months. Every change runs in
 * its own transaction under one advisory lock, so nodes running it at once take turns
 * and the second finds nothing to do; all times come from the injected clock. It runs
 * as the schema's owner, like the migrations: the application's role may not create or
 * drop tables.
 */
@Component
class ClickPartitions {

	private static final Logger log = LoggerFactory.getLogger(ClickPartitions.class);

	/** Months created ahead of the current one. */
	static final int MONTHS_AHEAD = 3;

	/** The default retention: the longest cookie window (365 days) is within 12 months, plus one. */
	static final String DEFAULT_RETENTION = "P13M";

	/** Advisory lock of partition changes ("clicks" in ASCII). */
	private static final long LOCK = 0x636c69636b73L;

	private static final Pattern NAME = Pattern.compile("clicks_y(\\d{4})m(\\d{2})");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Period retention;

	@Autowired
	ClickPartitions(@Qualifier("owner") DataSource owner, Clock clock,
			@Value("${partnerline.clicks.retention:" + DEFAULT_RETENTION + "}") String retention) {
		this(owner, clock, retention(retention, LocalDate.now(clock)));
	}

	/**
	 * @param owner connections as the schema's owner (the application's own role may not
	 * create or drop tables); not pooled, and this job needs few
	 */
	ClickPartitions(DataSource owner, Clock clock, Period retention) {
		this.jdbc = JdbcClient.create(owner);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(owner));
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * Reads a retention: an ISO-8601 period ({@code P13M}, {@code P1Y6M}, {@code P400D})
	 * or a whole number of months.
	 * @throws IllegalStateException when it cannot be read, or when it is shorter than the
	 * longest cookie window plus one month (on {@code today}), with a message that says so
	 */
	static Period retention(String value, LocalDate today) {
		String text = value.trim();
		Period period;
		try {
			period = text.matches("\\d{1,4}") ? Period.ofMonths(Integer.parseInt(text))
					: Period.parse(text.toUpperCase(Locale.ROOT));
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("PARTNERLINE_CLICKS_RETENTION (partnerline.clicks.retention) is '" + value
					+ "': give an ISO-8601 period such as P13M or P2Y, or a number of months", ex);
		}
		LocalDate keptFrom = today.minus(period);
		if (period.isNegative() || keptFrom.isAfter(earliestNeeded(today))) {
			throw new IllegalStateException("PARTNERLINE_CLICKS_RETENTION (partnerline.clicks.retention) is '" + value
					+ "', shorter than the longest cookie window (" + CatalogManagement.MAX_COOKIE_DAYS
					+ " days) plus one month: orders within a cookie window would lose their click. Keep at least "
					+ DEFAULT_RETENTION + ".");
		}
		return period;
	}

	/** The earliest day whose clicks attribution may still need: the longest cookie window and a month before. */
	private static LocalDate earliestNeeded(LocalDate today) {
		return today.minusDays(CatalogManagement.MAX_COOKIE_DAYS).minusMonths(1);
	}

	Period retention() {
		return retention;
	}

	/** What one run changed. */
	record Outcome(List<YearMonth> created, List<YearMonth> dropped, long moved, long deleted) {
	}

	/** Creates the months ahead and drops the expired ones: the scheduled job, and once at start. */
	Outcome maintain() {
		Instant now = clock.instant();
		Instant cutoff = cutoff(now);
		List<YearMonth> created = new ArrayList<>();
		long moved = 0;
		for (YearMonth month : missing(now, cutoff)) {
			Long rows = transactions.execute(status -> create(month));
			if (rows != null && rows >= 0) {
				created.add(month);
				moved += rows;
			}
		}
		List<YearMonth> dropped = new ArrayList<>();
		for (YearMonth month : partitions()) {
			if (!start(month.plusMonths(1)).isAfter(cutoff)) {
				Boolean done = transactions.execute(status -> drop(month));
				if (Boolean.TRUE.equals(done)) {
					dropped.add(month);
				}
			}
		}
		Long deleted = transactions.execute(status -> {
			lock();
			return (long) jdbc.sql("DELETE FROM clicks_default WHERE occurred_at < ?")
				.param(Timestamp.from(cutoff))
				.update();
		});
		Outcome outcome = new Outcome(created, dropped, moved, deleted == null ? 0 : deleted);
		if (!created.isEmpty() || !dropped.isEmpty() || outcome.deleted() > 0) {
			log.info("Click partitions: created {} (moved {} clicks from the default partition), dropped {} "
					+ "(retention {}), deleted {} expired clicks from the default partition", created, moved, dropped,
					retention, outcome.deleted());
		}
		return outcome;
	}

	/**
	 * Raw clicks before this instant go: the retention back from {@code now}, but never
	 * within the longest cookie window plus a month.
	 */
	Instant cutoff(Instant now) {
		ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
		ZonedDateTime byRetention = utc.minus(retention);
		ZonedDateTime needed = utc.minusDays(CatalogManagement.MAX_COOKIE_DAYS).minusMonths(1);
		return (byRetention.isBefore(needed) ? byRetention : needed).toInstant();
	}

	/** The months from the cutoff's to {@value #MONTHS_AHEAD} ahead, and those the default partition holds clicks of, without a partition. */
	private SortedSet<YearMonth> missing(Instant now, Instant cutoff) {
		SortedSet<YearMonth> wanted = new TreeSet<>();
		YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(MONTHS_AHEAD);
		for (YearMonth m = YearMonth.from(cutoff.atZone(ZoneOffset.UTC)); !m.isAfter(last); m = m.plusMonths(1)) {
			wanted.add(m);
		}
		jdbc.sql("""
				SELECT DISTINCT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM') FROM clicks_default
				WHERE occurred_at >= ?""")
			.param(Timestamp.from(cutoff))
			.query(String.class)
			.list()
			.forEach(m -> wanted.add(YearMonth.parse(m)));
		wanted.removeAll(partitions());
		return wanted;
	}

	/** The months that have a partition, oldest first. */
	SortedSet<YearMonth> partitions() {
		SortedSet<YearMonth> months = new TreeSet<>();
		for (String name : jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = 'clicks'::regclass""").query(String.class).list()) {
			Matcher m = NAME.matcher(name);
			if (m.matches()) {
				months.add(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
			}
		}
		return months;
	}

	/**
	 * Makes the partition of {@code month} as a table of its own, moves the month's clicks
	 * from the default partition into it and attaches it. Attaching locks the clicks table
	 * only against other schema changes, not against inserts (creating a partition in
	 * place would stop every insert while it runs).
	 * @return the clicks moved, or -1 when another node made the partition first
	 */
	private long create(YearMonth month) {
		lock();
		String name = name(month);
		if (exists(name)) {
			return -1;
		}
		jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
		// rows of the month in the default partition must move before the bounds exclude them there
		jdbc.sql("LOCK TABLE clicks_default IN SHARE ROW EXCLUSIVE MODE").update();
		jdbc.sql("CREATE TABLE " + name + " (LIKE clicks INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").update();
		long moved = jdbc.sql("WITH moved AS (DELETE FROM clicks_default WHERE occurred_at >= ? AND occurred_at < ? "
				+ "RETURNING *) INSERT INTO " + name + " SELECT * FROM moved")
			.params(Timestamp.from(start(month)), Timestamp.from(start(month.plusMonths(1))))
			.update();
		jdbc.sql("ALTER TABLE clicks ATTACH PARTITION " + name + " FOR VALUES FROM ('" + start(month) + "') TO ('"
				+ start(month.plusMonths(1)) + "')")
			.update();
		return moved;
	}

	/** Drops the partition of {@code month}; false when another node dropped it first. */
	private boolean drop(YearMonth month) {
		lock();
		String name = name(month);
		if (!exists(name)) {
			return false;
		}
		// dropping a partition locks the clicks table for a moment: give up rather than queue inserts behind it
		jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
		jdbc.sql("DROP TABLE " + name).update();
		return true;
	}

	private boolean exists(String name) {
		return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(name).query(Boolean.class).single();
	}

	private void lock() {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
	}

	static String name(YearMonth month) {
		return String.format(Locale.ROOT, "clicks_y%04dm%02d", month.getYear(), month.getMonthValue());
	}

	private static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
