package com.partnerline.enablement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Creatives, their versions and bytes, text links, partners' material links and impressions; every query names its vendor. */
@Repository
class LibraryStore {

	private static final String COLUMNS = """
			c.id, c.vendor_id, c.kind, c.name, v.version, c.current_version, v.content_type, v.file_name, v.size,
			v.sha256, v.width, v.height, v.target_url, v.product, v.language, v.uploaded_at, v.uploaded_by""";

	private final JdbcClient jdbc;

	LibraryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the next version of the creative named so (a new creative at version 1); the row stays locked until commit. */
	NextVersion nextVersion(VendorId vendor, String kind, String name, Instant now) {
		return jdbc.sql("""
				INSERT INTO creatives (id, vendor_id, kind, name, current_version, created_at)
				VALUES (?, ?, ?, ?, 1, ?)
				ON CONFLICT (vendor_id, kind, name) DO UPDATE SET current_version = creatives.current_version + 1
				RETURNING id, current_version""")
			.params(UUID.randomUUID(), vendor.value(), kind, name, Timestamp.from(now))
			.query((rs, n) -> new NextVersion(rs.getObject(1, UUID.class), rs.getInt(2)))
			.single();
	}

	void insertVersion(UUID creativeId, int version, VendorId vendor, UploadChecks.Checked file, String fileName,
			@Nullable String targetUrl, @Nullable String product, @Nullable String language, Instant now,
			String actor) {
		jdbc.sql("""
				INSERT INTO creative_versions (creative_id, version, vendor_id, content_type, file_name, bytes, size, sha256,
				  width, height, target_url, product, language, uploaded_at, uploaded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(creativeId, version, vendor.value(), file.contentType(), fileName, file.bytes(), file.bytes().length,
					file.sha256(), file.width(), file.height(), targetUrl, product, language, Timestamp.from(now), actor)
			.update();
	}

	/** The current version of each creative of the vendor, filtered when a filter is given, by name. */
	List<Creative> current(VendorId vendor, @Nullable String product, @Nullable String language,
			@Nullable String kind) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM creatives c JOIN creative_versions v ON v.creative_id = c.id AND v.version = c.current_version
				WHERE c.vendor_id = :vendor
				  AND (CAST(:product AS varchar) IS NULL OR v.product = :product)
				  AND (CAST(:language AS varchar) IS NULL OR v.language = :language)
				  AND (CAST(:kind AS varchar) IS NULL OR c.kind = :kind)
				ORDER BY c.kind, lower(c.name)""")
			.param("vendor", vendor.value())
			.param("product", product)
			.param("language", language)
			.param("kind", kind)
			.query(LibraryStore::creative)
			.list();
	}

	List<Creative> versions(VendorId vendor, UUID creativeId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM creatives c JOIN creative_versions v ON v.creative_id = c.id
				WHERE c.vendor_id = ? AND c.id = ? ORDER BY v.version DESC""")
			.params(vendor.value(), creativeId)
			.query(LibraryStore::creative)
			.list();
	}

	Optional<Creative> version(UUID creativeId, int version) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM creatives c JOIN creative_versions v ON v.creative_id = c.id
				WHERE c.id = ? AND v.version = ?""")
			.params(creativeId, version)
			.query(LibraryStore::creative)
			.optional();
	}

	Optional<byte[]> bytes(UUID creativeId, int version) {
		return jdbc.sql("SELECT bytes FROM creative_versions WHERE creative_id = ? AND version = ?")
			.params(creativeId, version)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** Creates or changes a text link; each change is a new version. */
	int saveTextLink(VendorId vendor, String id, String text, String targetUrl, @Nullable String product,
			@Nullable String language, Instant now) {
		return jdbc.sql("""
				INSERT INTO text_links (vendor_id, id, text, target_url, product, language, version, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 1, ?)
				ON CONFLICT (vendor_id, id) DO UPDATE SET text = excluded.text, target_url = excluded.target_url,
				  product = excluded.product, language = excluded.language, updated_at = excluded.updated_at,
				  version = text_links.version + 1
				RETURNING version""")
			.params(vendor.value(), id, text, targetUrl, product, language, Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	List<TextLink> textLinks(VendorId vendor, @Nullable String product, @Nullable String language) {
		return jdbc.sql("""
				SELECT id, text, target_url, product, language, version FROM text_links
				WHERE vendor_id = :vendor
				  AND (CAST(:product AS varchar) IS NULL OR product = :product)
				  AND (CAST(:language AS varchar) IS NULL OR language = :language)
				ORDER BY id""")
			.param("vendor", vendor.value())
			.param("product", product)
			.param("language", language)
			.query((rs, n) -> new TextLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.list();
	}

	Optional<String> linkCode(VendorId vendor, PartnerId partner, String item) {
		return jdbc.sql("SELECT link_code FROM material_links WHERE vendor_id = ? AND partner_id = ? AND item = ?")
			.params(vendor.value(), partner.value(), item)
			.query(String.class)
			.optional();
	}

	void insertLink(VendorId vendor, PartnerId partner, String item, String code) {
		jdbc.sql("""
				INSERT INTO material_links (vendor_id, partner_id, item, link_code) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(vendor.value(), partner.value(), item, code).update();
	}

	/** What a banner's impression address names: its vendor, partner and item. */
	Optional<LinkedItem> linkedItem(String code) {
		return jdbc.sql("SELECT vendor_id, partner_id, item FROM material_links WHERE link_code = ?")
			.params(code)
			.query((rs, n) -> new LinkedItem(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3)))
			.optional();
	}

	/** Adds a group of counted impressions in one statement. */
	void addImpressions(List<Impressions.Count> counts) {
		if (counts.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO creative_impressions (vendor_id, creative_id, partner_id, day, impressions)
				SELECT * FROM unnest(:vendors::bigint[], :creatives::uuid[], :partners::uuid[], :days::date[], :counts::bigint[])
				ON CONFLICT (vendor_id, creative_id, partner_id, day)
				DO UPDATE SET impressions = creative_impressions.impressions + excluded.impressions""")
			.param("vendors", counts.stream().map(Impressions.Count::vendorId).toArray(Long[]::new))
			.param("creatives", counts.stream().map(Impressions.Count::creativeId).toArray(UUID[]::new))
			.param("partners", counts.stream().map(Impressions.Count::partnerId).toArray(UUID[]::new))
			.param("days", counts.stream().map(c -> java.sql.Date.valueOf(c.day())).toArray(java.sql.Date[]::new))
			.param("counts", counts.stream().map(Impressions.Count::count).toArray(Long[]::new))
			.update();
	}

	/** Impressions per creative of the vendor from {@code from} to {@code to} (inclusive); of one partner when {@code partner} is given. */
	Map<UUID, Long> impressions(VendorId vendor, @Nullable PartnerId partner, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT creative_id, sum(impressions) FROM creative_impressions
				WHERE vendor_id = :vendor AND day >= :from AND day <= :to
				  AND (CAST(:partner AS uuid) IS NULL OR partner_id = :partner)
				GROUP BY creative_id""")
			.param("vendor", vendor.value())
			.param("from", from)
			.param("to", to)
			.param("partner", partner == null ? null : partner.value())
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Creative creative(ResultSet rs, int n) throws SQLException {
		return new Creative(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getInt(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10),
				(Integer) rs.getObject(11), (Integer) rs.getObject(12), rs.getString(13), rs.getString(14),
				rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getString(17));
	}

	record NextVersion(UUID creativeId, int version) {
	}

	record TextLink(String id, String text, String targetUrl, @Nullable String product, @Nullable String language,
			int version) {
	}

	record LinkedItem(long vendorId, UUID partnerId, String item) {
	}

}
