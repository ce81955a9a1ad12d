package com.partnerline.scanner;

import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Scans made through the partner's scanner page, per day and verdict, for its data export. */
@Component
class ScannerPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	ScannerPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(Table.query(jdbc, "scanner-scans-per-day", """
				SELECT to_char(scanned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, verdict, count(*) AS scans,
				  sum(bytes) AS bytes
				FROM scans WHERE partner_id = ? GROUP BY 1, 2 ORDER BY 1, 2""", partner.value()));
	}

}
