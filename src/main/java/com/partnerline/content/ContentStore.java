package com.partnerline.content;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Content items, their translations and history; every query names its vendor. */
@Repository
class ContentStore {

	private static final String COLUMNS = "id, vendor_id, kind, status, publish_at, threat_name, threat_type, "
			+ "danger_level, first_seen, active_from, active_to, version, created_at, updated_at";

	private final JdbcClient jdbc;

	ContentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ContentItem item) {
		jdbc.sql("INSERT INTO content_items (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(item.id(), item.vendorId().value(), item.kind().name(), item.published() ? "PUBLISHED" : "DRAFT",
					timestamp(item.publishAt()), item.threatName(), item.threatType(), item.dangerLevel(),
					date(item.firstSeen()), date(item.activeFrom()), date(item.activeTo()), item.version(),
					Timestamp.from(item.createdAt()), Timestamp.from(item.updatedAt()))
			.update();
		insertTexts(item);
	}

	/** Saves a new version; false when another editor saved {@code expectedVersion} first. */
	boolean update(ContentItem item, int expectedVersion) {
		int rows = jdbc.sql("""
				UPDATE content_items SET status = ?, publish_at = ?, threat_name = ?, threat_type = ?, danger_level = ?,
				first_seen = ?, active_from = ?, active_to = ?, version = ?, updated_at = ?
				WHERE vendor_id = ? AND id = ? AND version = ?""")
			.params(item.published() ? "PUBLISHED" : "DRAFT", timestamp(item.publishAt()), item.threatName(),
					item.threatType(), item.dangerLevel(), date(item.firstSeen()), date(item.activeFrom()),
					date(item.activeTo()), item.version(), Timestamp.from(item.updatedAt()), item.vendorId().value(),
					item.id(), expectedVersion)
			.update();
		if (rows == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM content_translations WHERE item_id = ?").param(item.id()).update();
		insertTexts(item);
		return true;
	}

	void history(ContentItem item, @Nullable String savedBy, String snapshotJson) {
		jdbc.sql("INSERT INTO content_item_history (item_id, version, saved_at, saved_by, snapshot) VALUES (?, ?, ?, ?, ?::jsonb)")
			.params(item.id(), item.version(), Timestamp.from(item.updatedAt()), savedBy, snapshotJson)
			.update();
	}

	List<HistoryEntry> historyOf(VendorId vendorId, UUID itemId) {
		return jdbc.sql("""
				SELECT h.version, h.saved_at, h.saved_by, h.snapshot::text AS snapshot FROM content_item_history h
				JOIN content_items i ON i.id = h.item_id WHERE i.vendor_id = ? AND h.item_id = ? ORDER BY h.version DESC""")
			.params(vendorId.value(), itemId)
			.query((rs, row) -> new HistoryEntry(rs.getInt("version"), rs.getTimestamp("saved_at").toInstant(),
					rs.getString("saved_by"), rs.getString("snapshot")))
			.list();
	}

	private void insertTexts(ContentItem item) {
		item.translations()
			.forEach((lang, text) -> jdbc
				.sql("INSERT INTO content_translations (item_id, lang, title, body, removal) VALUES (?, ?, ?, ?, ?)")
				.params(item.id(), lang, text.title(), text.body(), text.removal())
				.update());
	}

	Optional<ContentItem> find(VendorId vendorId, UUID id) {
		return list("vendor_id = ? AND id = ?", List.of(vendorId.value(), id), "", 1).stream().findFirst();
	}

	Optional<ContentItem> findThreat(VendorId vendorId, String name) {
		return list("vendor_id = ? AND kind = 'THREAT' AND lower(threat_name) = lower(?)", List.of(vendorId.value(), name),
				"", 1)
			.stream()
			.findFirst();
	}

	/** Published items of {@code kind} whose time has come, newest first. */
	List<ContentItem> published(VendorId vendorId, ContentKind kind, Instant at, int limit) {
		return list("vendor_id = ? AND kind = ? AND status = 'PUBLISHED' AND publish_at <= ?",
				List.of(vendorId.value(), kind.name(), Timestamp.from(at)), "publish_at DESC, created_at DESC", limit);
	}

	/** Published threats active on some day between {@code from} and {@code to}. */
	List<ContentItem> activeThreats(VendorId vendorId, LocalDate from, LocalDate to, Instant at) {
		return list("""
				vendor_id = ? AND kind = 'THREAT' AND status = 'PUBLISHED' AND publish_at <= ? AND active_from <= ?
				AND (active_to IS NULL OR active_to >= ?)""",
				List.of(vendorId.value(), Timestamp.from(at), Date.valueOf(to), Date.valueOf(from)),
				"danger_level DESC, active_from, threat_name", 1000);
	}

	/** The published threats of the vendor named in {@code names} (any case). */
	List<ContentItem> threatsNamed(VendorId vendorId, List<String> names, Instant at) {
		if (names.isEmpty()) {
			return List.of();
		}
		return list("vendor_id = ? AND kind = 'THREAT' AND status = 'PUBLISHED' AND publish_at <= ? "
				+ "AND lower(threat_name) = ANY (?)",
				List.of(vendorId.value(), Timestamp.from(at),
						names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new)),
				"threat_name", 1000);
	}

	/** Every item of the vendor (drafts too), for the console, newest change first. */
	List<ContentItem> all(VendorId vendorId, @Nullable ContentKind kind, int limit, int offset) {
		List<Object> params = new ArrayList<>(List.of(vendorId.value()));
		String where = "vendor_id = ?";
		if (kind != null) {
			where += " AND kind = ?";
			params.add(kind.name());
		}
		return list(where, params, "updated_at DESC, id OFFSET " + Math.max(0, offset), limit);
	}

	long count(VendorId vendorId, @Nullable ContentKind kind) {
		return jdbc.sql("SELECT count(*) FROM content_items WHERE vendor_id = ?" + (kind == null ? "" : " AND kind = '"
				+ kind.name() + "'"))
			.param(vendorId.value())
			.query(Long.class)
			.single();
	}

	private List<ContentItem> list(String where, List<Object> params, String order, int limit) {
		List<Object> all = new ArrayList<>(params);
		all.add(limit);
		List<Row> rows = jdbc
			.sql("SELECT " + COLUMNS + " FROM content_items WHERE " + where
					+ (order.isEmpty() ? "" : " ORDER BY " + order.replace(" OFFSET", " LIMIT ? OFFSET"))
					+ (order.contains("OFFSET") ? "" : " LIMIT ?"))
			.params(all)
			.query(ContentStore::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, Map<String, Translation>> texts = new HashMap<>();
		jdbc.sql("SELECT item_id, lang, title, body, removal FROM content_translations WHERE item_id = ANY (?)")
			.param(rows.stream().map(Row::id).toArray(UUID[]::new))
			.query(rs -> {
				texts.computeIfAbsent(rs.getObject("item_id", UUID.class), id -> new LinkedHashMap<>())
					.put(rs.getString("lang"),
							new Translation(rs.getString("title"), rs.getString("body"), rs.getString("removal")));
			});
		return rows.stream().map(row -> row.item(texts.getOrDefault(row.id(), Map.of()))).toList();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), new VendorId(rs.getLong("vendor_id")),
				ContentKind.valueOf(rs.getString("kind")), "PUBLISHED".equals(rs.getString("status")),
				instant(rs.getTimestamp("publish_at")), rs.getString("threat_name"), rs.getString("threat_type"),
				(Integer) rs.getObject("danger_level"), localDate(rs.getDate("first_seen")),
				localDate(rs.getDate("active_from")), localDate(rs.getDate("active_to")), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable LocalDate localDate(@Nullable Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Date date(@Nullable LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private record Row(UUID id, VendorId vendorId, ContentKind kind, boolean published, @Nullable Instant publishAt,
			@Nullable String threatName, @Nullable String threatType, @Nullable Integer dangerLevel,
			@Nullable LocalDate firstSeen, @Nullable LocalDate activeFrom, @Nullable LocalDate activeTo, int version,
			Instant createdAt, Instant updatedAt) {

		ContentItem item(Map<String, Translation> texts) {
			return new ContentItem(id, vendorId, kind, published, publishAt, threatName, threatType, dangerLevel,
					firstSeen, activeFrom, activeTo, version, createdAt, updatedAt, texts);
		}

	}

	/** One saved version of an item. */
	record HistoryEntry(int version, Instant savedAt, @Nullable String savedBy, String snapshot) {
	}

}
