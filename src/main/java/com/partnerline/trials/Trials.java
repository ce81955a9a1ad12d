package com.partnerline.trials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trials table and its conversions; every query names the vendor (tenant). */
@Repository
class Trials {

	private static final String COLUMNS = "id, vendor_id, sku, email, locale, partner_id, click_id, started_at, "
			+ "expires_at, convert_until, license_key";

	private final JdbcClient jdbc;

	Trials(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the trial unless that email already had one of that product: false then. */
	boolean insert(Trial trial) {
		return jdbc.sql("""
				INSERT INTO trials (id, vendor_id, sku, email, locale, partner_id, click_id, started_at, expires_at,
				                    convert_until, license_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (vendor_id, sku, email) DO NOTHING""")
			.params(trial.id(), trial.vendorId().value(), trial.sku(), trial.email(), trial.locale(),
					trial.partnerId() == null ? null : trial.partnerId().value(), trial.clickId(),
					Timestamp.from(trial.startedAt()), Timestamp.from(trial.expiresAt()),
					Timestamp.from(trial.convertUntil()), trial.licenseKey())
			.update() == 1;
	}

	Optional<Trial> find(VendorId vendorId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM trials WHERE vendor_id = ? AND id = ?")
			.params(vendorId.value(), id)
			.query(Trials::trial)
			.optional();
	}

	/** The customer's trials at the vendor whose conversion window holds {@code at}, latest first. */
	List<Trial> open(VendorId vendorId, String email, Instant at) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM trials WHERE vendor_id = ? AND email = ? AND started_at <= ? AND convert_until > ?
				ORDER BY started_at DESC, id""")
			.params(vendorId.value(), email, Timestamp.from(at), Timestamp.from(at))
			.query(Trials::trial)
			.list();
	}

	/** Records the conversion of the trials named, each once (a trial converts with its first purchase). */
	void convert(VendorId vendorId, Collection<Trial> trials, String orderId, Instant at) {
		for (Trial trial : trials) {
			jdbc.sql("""
					INSERT INTO trial_conversions (trial_id, vendor_id, partner_id, order_id, converted_at)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT (trial_id) DO NOTHING""")
				.params(trial.id(), vendorId.value(), trial.partnerId() == null ? null : trial.partnerId().value(),
						orderId, Timestamp.from(at))
				.update();
		}
	}

	boolean converted(UUID trialId) {
		return jdbc.sql("SELECT count(*) FROM trial_conversions WHERE trial_id = ?")
			.param(trialId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims the trials whose reminder is due at {@code now} (not yet reminded, not
	 * converted, expiring within {@code before}), at most {@code limit}; the caller mails
	 * them in the same transaction, so each reminder goes out exactly once.
	 */
	List<Trial> claimReminders(Instant now, java.time.Duration before, int limit) {
		return jdbc.sql("""
				UPDATE trials SET reminded_at = :now WHERE id IN (
				  SELECT t.id FROM trials t
				  WHERE t.reminded_at IS NULL AND t.expired_at IS NULL AND t.expires_at > :now AND t.expires_at <= :due
				    AND NOT EXISTS (SELECT 1 FROM trial_conversions c WHERE c.trial_id = t.id)
				  ORDER BY t.expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
				RETURNING\s""" + COLUMNS)
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(now.plus(before)))
			.param("limit", limit)
			.query(Trials::trial)
			.list();
	}

	/** Marks the trials that have expired by {@code now}; answers how many. */
	int markExpired(Instant now) {
		return jdbc.sql("UPDATE trials SET expired_at = expires_at WHERE expired_at IS NULL AND expires_at <= ?")
			.param(Timestamp.from(now))
			.update();
	}

	/** A partner's trials per start month (vendor's time zone) between {@code start} and {@code end}. */
	List<TrialMonth> partnerMonths(VendorId vendorId, PartnerId partnerId, ZoneId zone, Instant start, Instant end) {
		return jdbc.sql("""
				SELECT to_char(t.started_at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*) AS started,
				       count(c.trial_id) AS converted
				FROM trials t LEFT JOIN trial_conversions c ON c.trial_id = t.id
				WHERE t.vendor_id = :vendor AND t.partner_id = :partner AND t.started_at >= :start AND t.started_at < :end
				GROUP BY 1 ORDER BY 1""")
			.param("zone", zone.getId())
			.param("vendor", vendorId.value())
			.param("partner", partnerId.value())
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query((rs, n) -> new TrialMonth(YearMonth.parse(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** One row of the vendor's dashboard: a start month, a partner (or none) and a product. */
	record Figures(YearMonth month, @Nullable PartnerId partnerId, String sku, long started, long converted) {
	}

	/** The vendor's trials per start month, partner and product, newest month first. */
	List<Figures> vendorFigures(VendorId vendorId, ZoneId zone, Instant start, Instant end) {
		return jdbc.sql("""
				SELECT to_char(t.started_at AT TIME ZONE :zone, 'YYYY-MM') AS month, t.partner_id, t.sku,
				       count(*) AS started, count(c.trial_id) AS converted
				FROM trials t LEFT JOIN trial_conversions c ON c.trial_id = t.id
				WHERE t.vendor_id = :vendor AND t.started_at >= :start AND t.started_at < :end
				GROUP BY 1, 2, 3 ORDER BY 1 DESC, 4 DESC, 3, 2""")
			.param("zone", zone.getId())
			.param("vendor", vendorId.value())
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query((rs, n) -> new Figures(YearMonth.parse(rs.getString(1)),
					rs.getObject(2) == null ? null : new PartnerId(rs.getObject(2, UUID.class)), rs.getString(3),
					rs.getLong(4), rs.getLong(5)))
			.list();
	}

	private static Trial trial(ResultSet rs, int row) throws SQLException {
		UUID partner = rs.getObject("partner_id", UUID.class);
		return new Trial(rs.getObject("id", UUID.class), new VendorId(rs.getLong("vendor_id")), rs.getString("sku"),
				rs.getString("email"), rs.getString("locale"), partner == null ? null : new PartnerId(partner),
				rs.getString("click_id"), rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("convert_until").toInstant(),
				rs.getString("license_key"));
	}

}
