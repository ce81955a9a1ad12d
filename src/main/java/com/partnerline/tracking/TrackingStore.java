package com.partnerline.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

/** SQL of links, coupons and the reading side of clicks; every query of a vendor's data carries its id. */
@Repository
class TrackingStore {

	/**
	 * The counts of a partner's clicks from {@code from} to {@code to}: folded counts plus
	 * the deltas not folded yet. Both ends must be on quarter hours (starts of days and
	 * months in any zone in use are).
	 */
	private static final String COUNTS = """
			SELECT bucket, sub_id, clicks, counted FROM click_counts
			WHERE vendor_id = :vendor AND partner_id = :partner AND bucket >= :from AND bucket < :to
			UNION ALL
			SELECT bucket, sub_id, clicks, counted FROM click_count_deltas
			WHERE vendor_id = :vendor AND partner_id = :partner AND bucket >= :from AND bucket < :to""";

	private final JdbcClient jdbc;

	TrackingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean insertLink(Link link) {
		return jdbc.sql("""
				INSERT INTO links (code, vendor_id, partner_id, sku, target_url, sub_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
			.params(link.code(), link.vendorId().value(), link.partnerId().value(), link.sku(), link.targetUrl(),
					link.subId(), Timestamp.from(link.createdAt()))
			.update() == 1;
	}

	Optional<Link> link(String code) {
		return jdbc.sql("SELECT * FROM links WHERE code = ?").param(code).query(TrackingStore::link).optional();
	}

	/** The links of these codes that exist, in one query. */
	List<Link> links(Collection<String> codes) {
		return jdbc.sql("SELECT * FROM links WHERE code = ANY(?::varchar[])")
			.param(codes.toArray(String[]::new))
			.query(TrackingStore::link)
			.list();
	}

	Optional<Link> link(VendorId vendorId, String code) {
		return jdbc.sql("SELECT * FROM links WHERE vendor_id = ? AND code = ?")
			.params(vendorId.value(), code)
			.query(TrackingStore::link)
			.optional();
	}

	List<Link> links(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("SELECT * FROM links WHERE vendor_id = ? AND partner_id = ? ORDER BY created_at DESC, code")
			.params(vendorId.value(), partnerId.value())
			.query(TrackingStore::link)
			.list();
	}

	/**
	 * The click of this id, if it happened at {@code notBefore} or later (any time when
	 * null). The id names its time (ADR 0029): the lookup reads only the partitions of
	 * clicks from {@code notBefore} to a second after that time, not every month kept.
	 */
	Optional<Click> click(VendorId vendorId, String clickId, @Nullable Instant notBefore) {
		Instant notAfter = ClickIdentity.timeOf(clickId).map(t -> t.plusSeconds(1)).orElse(null);
		return jdbc.sql("""
				SELECT vendor_id, click_id, link_code, partner_id, sub_id, occurred_at, bot, counted
				FROM clicks WHERE vendor_id = ? AND click_id = ?
				  AND occurred_at >= coalesce(?::timestamptz, '-infinity') AND occurred_at < coalesce(?::timestamptz, 'infinity')""")
			.params(vendorId.value(), clickId, notBefore == null ? null : Timestamp.from(notBefore),
					notAfter == null ? null : Timestamp.from(notAfter))
			.query((rs, n) -> new Click(rs.getString("click_id"), new VendorId(rs.getLong("vendor_id")),
					rs.getString("link_code"), new PartnerId(rs.getObject("partner_id", UUID.class)),
					rs.getString("sub_id"), rs.getTimestamp("occurred_at").toInstant(), rs.getBoolean("bot"),
					rs.getBoolean("counted")))
			.optional();
	}

	void saveCoupon(VendorId vendorId, String code, PartnerId partnerId, Instant now) {
		jdbc.sql("""
				INSERT INTO coupons (vendor_id, code, partner_id, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (vendor_id, code) DO UPDATE SET partner_id = EXCLUDED.partner_id, updated_at = EXCLUDED.updated_at""")
			.params(vendorId.value(), code, partnerId.value(), Timestamp.from(now))
			.update();
	}

	Optional<Coupon> coupon(VendorId vendorId, String code) {
		return jdbc.sql("SELECT code, partner_id, updated_at FROM coupons WHERE vendor_id = ? AND code = ?")
			.params(vendorId.value(), code)
			.query(TrackingStore::coupon)
			.optional();
	}

	List<Coupon> coupons(VendorId vendorId) {
		return jdbc.sql("SELECT code, partner_id, updated_at FROM coupons WHERE vendor_id = ? ORDER BY code")
			.param(vendorId.value())
			.query(TrackingStore::coupon)
			.list();
	}

	List<ClickMonth> months(VendorId vendorId, ZoneId zone, PartnerId partnerId, Instant from, Instant to) {
		return counts("date_trunc('month', bucket AT TIME ZONE :zone)::date", "1", vendorId, zone, partnerId, from,
				to)
			.query((rs, n) -> new ClickMonth(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2),
					rs.getLong(3)))
			.list();
	}

	List<ClickDay> days(VendorId vendorId, ZoneId zone, PartnerId partnerId, Instant from, Instant to) {
		return counts("(bucket AT TIME ZONE :zone)::date, nullif(sub_id, '')", "1, 2", vendorId, zone, partnerId,
				from, to)
			.query((rs, n) -> new ClickDay(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
					rs.getLong(4)))
			.list();
	}

	/** Clicks per sub-id of the given sub-ids: folded counts plus the deltas not folded yet; all partners when none is named. */
	List<SubIdClicks> subIdClicks(VendorId vendorId, @org.jspecify.annotations.Nullable PartnerId partnerId,
			Instant from, Instant to, Collection<String> subIds) {
		return jdbc.sql("""
				SELECT sub_id, sum(clicks)::bigint, sum(counted)::bigint FROM (
				  SELECT sub_id, clicks, counted FROM click_counts
				  WHERE vendor_id = :vendor AND (CAST(:partner AS uuid) IS NULL OR partner_id = :partner)
				    AND bucket >= :from AND bucket < :to AND sub_id = ANY(CAST(:subIds AS varchar[]))
				  UNION ALL
				  SELECT sub_id, clicks, counted FROM click_count_deltas
				  WHERE vendor_id = :vendor AND (CAST(:partner AS uuid) IS NULL OR partner_id = :partner)
				    AND bucket >= :from AND bucket < :to AND sub_id = ANY(CAST(:subIds AS varchar[]))) c
				GROUP BY sub_id""")
			.param("vendor", vendorId.value())
			.param("partner", partnerId == null ? null : partnerId.value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("subIds", subIds.toArray(String[]::new))
			.query((rs, n) -> new SubIdClicks(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/**
	 * Clicks and counted clicks per {@code groups} (expressions over {@link #COUNTS}),
	 * grouped and ordered by the {@code positions} of those expressions.
	 */
	private JdbcClient.StatementSpec counts(String groups, String positions, VendorId vendorId, ZoneId zone,
			PartnerId partnerId, Instant from, Instant to) {
		return jdbc.sql("SELECT " + groups + ", sum(clicks)::bigint, sum(counted)::bigint FROM (" + COUNTS
				+ ") c GROUP BY " + positions + " ORDER BY " + positions)
			.param("zone", zone.getId())
			.param("vendor", vendorId.value())
			.param("partner", partnerId.value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to));
	}

	/** The shared secret called {@code name}, made by the first node that asks. */
	String secret(String name, String candidate) {
		jdbc.sql("INSERT INTO tracking_keys (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
			.params(name, candidate)
			.update();
		return jdbc.sql("SELECT secret FROM tracking_keys WHERE name = ?").param(name).query(String.class).single();
	}

	private static Link link(ResultSet rs, int n) throws SQLException {
		return new Link(rs.getString("code"), new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getString("sku"), rs.getString("target_url"),
				rs.getString("sub_id"), rs.getTimestamp("created_at").toInstant());
	}

	private static Coupon coupon(ResultSet rs, int n) throws SQLException {
		return new Coupon(rs.getString(1), new PartnerId(rs.getObject(2, UUID.class)), rs.getTimestamp(3).toInstant());
	}

}
