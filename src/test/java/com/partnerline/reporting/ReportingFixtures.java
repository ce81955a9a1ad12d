package com.partnerline.reporting;

import java.time.YearMonth;
import java.time.ZoneOffset;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Internet Partners with a contract, closed months: made with SQL until the proposal flow and month close exist. */
final class ReportingFixtures {

	static final String HEADER = "sku,quantity,amount,client_name,client_email,client_country\n";

	private ReportingFixtures() {
	}

	/** Makes the partner an Internet Partner of the vendor under an accepted contract processing orders {@code processing}. */
	static void internet(JdbcClient jdbc, PartnerManagement partners, CatalogManagement catalog, TestVendor vendor,
			TestPartner partner, String processing) {
		Fixtures.internetContract(jdbc, partners, catalog.vendor(vendor.slug()).id(), partner.id(), null, processing);
	}

	static void close(JdbcClient jdbc, CatalogManagement catalog, TestVendor vendor, YearMonth month) {
		jdbc.sql("INSERT INTO periods (vendor_id, month, status, closed_at) VALUES (?, ?, 'CLOSED', now())")
			.params(catalog.vendor(vendor.slug()).id().value(), month.atDay(1))
			.update();
	}

	/** The current month in UTC, the time zone of the test vendors. */
	static YearMonth thisMonth() {
		return YearMonth.now(ZoneOffset.UTC);
	}

}
