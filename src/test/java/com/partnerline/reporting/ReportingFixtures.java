package com.partnerline.reporting;

import java.time.YearMonth;
import java.time.ZoneOffset;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;
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
		VendorId vendorId = catalog.vendor(vendor.slug()).id();
		// A contract in force since long ago, so that reports of past months fall under it;
		// the proposal flow itself only offers contracts from today on.
		java.util.UUID proposal = java.util.UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO proposals (id, vendor_id, partner_id, status, company_profile, sales_plan, marketing_plan,
				                       monthly_commitment, submitted_at, decided_at)
				VALUES (?, ?, ?, 'APPROVED', '{}', '{}', '{}', 10000, now(), now())""")
			.params(proposal, vendorId.value(), PartnerId.of(partner.id()).value())
			.update();
		jdbc.sql("""
				INSERT INTO contracts (id, vendor_id, partner_id, proposal_id, commission_rate, order_processing, starts_on,
				                       status, offered_at, accepted_at)
				VALUES (gen_random_uuid(), ?, ?, ?, NULL, ?, DATE '2020-01-01', 'ACCEPTED', now(), now())""")
			.params(vendorId.value(), PartnerId.of(partner.id()).value(), proposal, processing)
			.update();
		partners.changeType(vendorId, PartnerId.of(partner.id()), PartnerType.INTERNET);
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
