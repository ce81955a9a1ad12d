package com.partnerline.scanner;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scans kept: hash, size, verdict, threat names, engine, partner and time; never
 * the file. A detection is published as {@link ThreatDetected} in the transaction
 * that stores its scan, so the registry delivers it exactly when the scan is kept.
 */
@Component
class Scans {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Scans(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	void record(UUID id, Instant scannedAt, Attribution attribution, ScanResult result) {
		// Statistics, not money: a server crash may lose the last fraction of a second of
		// scans (PostgreSQL stays consistent), and no visitor waits for the disk meanwhile.
		jdbc.sql("SET LOCAL synchronous_commit = off").update();
		jdbc.sql("""
				INSERT INTO scans (id, scanned_at, vendor_id, partner_id, partner_code, sha256, bytes, verdict, threats,
				                   engine, signatures)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, Timestamp.from(scannedAt),
					attribution.vendorId() != null ? attribution.vendorId().value() : null,
					attribution.partnerId() != null ? attribution.partnerId().value() : null,
					attribution.partnerCode(), result.sha256(), result.bytes(), result.verdict().name(),
					result.threats().toArray(String[]::new), result.engine(), result.signatures())
			.update();
		if (result.verdict() == ScanVerdict.INFECTED) {
			events.publishEvent(new ThreatDetected(id, result.threats(), result.sha256(), attribution.partnerId(),
					attribution.vendorId(), scannedAt));
		}
	}

	/** The partner's scans and detections per day (UTC) since {@code from}, newest first. */
	List<DayFigures> partnerDays(PartnerId partnerId, Instant from, Instant until) {
		return jdbc.sql("""
				SELECT (scanned_at AT TIME ZONE 'UTC')::date AS day, count(*) AS scans,
				       count(*) FILTER (WHERE verdict = 'INFECTED') AS detections
				FROM scans WHERE partner_id = ? AND scanned_at >= ? AND scanned_at < ?
				GROUP BY 1 ORDER BY 1 DESC""")
			.params(partnerId.value(), Timestamp.from(from), Timestamp.from(until))
			.query((rs, row) -> new DayFigures(rs.getObject("day", LocalDate.class), rs.getLong("scans"),
					rs.getLong("detections")))
			.list();
	}

	/** The partner's latest detections (threat names and when), newest first. */
	List<Detection> partnerDetections(PartnerId partnerId, int limit) {
		return jdbc.sql("""
				SELECT scanned_at, threats, sha256 FROM scans
				WHERE partner_id = ? AND verdict = 'INFECTED' ORDER BY scanned_at DESC LIMIT ?""")
			.params(partnerId.value(), limit)
			.query((rs, row) -> new Detection(rs.getTimestamp("scanned_at").toInstant(),
					List.of((String[]) rs.getArray("threats").getArray()), rs.getString("sha256")))
			.list();
	}

	/** Scans and detections through each partner's scanner for the vendor from {@code from} until before {@code until}, busiest first. */
	List<PartnerFigures> vendorPartners(VendorId vendorId, Instant from, Instant until) {
		return jdbc.sql("""
				SELECT partner_id, max(partner_code) AS partner_code, count(*) AS scans,
				       count(*) FILTER (WHERE verdict = 'INFECTED') AS detections, max(scanned_at) AS last_scan
				FROM scans WHERE vendor_id = ? AND partner_id IS NOT NULL AND scanned_at >= ? AND scanned_at < ?
				GROUP BY partner_id ORDER BY scans DESC, partner_code""")
			.params(vendorId.value(), Timestamp.from(from), Timestamp.from(until))
			.query((rs, row) -> new PartnerFigures(new PartnerId(rs.getObject("partner_id", UUID.class)),
					rs.getString("partner_code"), rs.getLong("scans"), rs.getLong("detections"),
					rs.getTimestamp("last_scan").toInstant()))
			.list();
	}

	/** Through which partner's scanner, and for which vendor's program, a scan came. */
	record Attribution(@Nullable PartnerId partnerId, @Nullable String partnerCode, @Nullable VendorId vendorId) {

		static final Attribution NONE = new Attribution(null, null, null);

	}

	record DayFigures(LocalDate day, long scans, long detections) {
	}

	record Detection(Instant at, List<String> threats, String sha256) {
	}

	record PartnerFigures(PartnerId partnerId, String partnerCode, long scans, long detections, Instant lastScan) {
	}

}
