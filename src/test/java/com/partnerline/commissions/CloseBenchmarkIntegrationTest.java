package com.partnerline.commissions;

import java.math.BigDecimal;
import java.util.List;

import javax.sql.DataSource;

import com.partnerline.bench.CloseBenchmark;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small run (20,000 orders, 20 partners) of bench/commissions/CloseBenchmark's data
 * generator and close, so that a schema change that breaks the benchmark breaks the
 * build too. The figures are the benchmark's own; this checks what it checks. Few
 * partners, because each statement mails its partner through the outbox the whole suite
 * shares: 200 partners' 400 mails held up the next test's mails by half a minute.
 */
class CloseBenchmarkIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CommissionManagement commissions;

	/** Undoing the close switches the append-only triggers off, which only the tables' owner may. */
	@Autowired
	@Qualifier("owner")
	DataSource owner;

	@Test
	void theBenchmarkGeneratesItsDataAndTheCloseMatchesThePlainGroupBy() {
		String slug = unique("bench");
		Vendor vendor = catalog.saveVendor(slug, new CatalogManagement.VendorDraft("Bench " + slug, "UTC", "USD",
				List.of())).vendor();
		catalog.saveProgram(vendor, new CatalogManagement.ProgramDraft(null, null, null, null, null, null, "1.0",
				"Bench terms", null));
		catalog.saveExchangeRate(vendor, "EUR", "2025-01-01", new BigDecimal("1.08"));
		catalog.saveExchangeRate(vendor, "GBP", "2025-01-01", new BigDecimal("1.27"));
		long vendorId = vendor.id().value();

		CloseBenchmark.generate(jdbc, vendorId, 20_000, 20);
		int groups = CloseBenchmark.plainVolumes(jdbc, vendorId, CloseBenchmark.MONTH);
		CloseResult close = commissions.close(vendor, CloseBenchmark.MONTH);

		assertThat(groups).isEqualTo(20);
		assertThat(close.statements()).hasSize(groups);
		// the statements' volumes are the plain GROUP BY's, partner by partner
		BigDecimal plainTotal = jdbc.sql("""
				SELECT SUM(amount) FILTER (WHERE NOT self_referral) FROM orders WHERE vendor_id = ? AND period = ?""")
			.params(vendorId, CloseBenchmark.MONTH.atDay(1))
			.query(BigDecimal.class)
			.single()
			.subtract(jdbc.sql("""
					SELECT SUM(r.amount_converted) FROM refunds r JOIN orders o
					  ON o.vendor_id = r.vendor_id AND o.order_id = r.order_id
					WHERE r.vendor_id = ? AND r.period = ? AND NOT o.self_referral""")
				.params(vendorId, CloseBenchmark.MONTH.atDay(1))
				.query(BigDecimal.class)
				.single());
		assertThat(close.statements().stream().map(Statement::volume).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(plainTotal);
		// the 20 late May orders are paid on June's statements, one line each
		assertThat(jdbc.sql("SELECT count(*) FROM statement_lines WHERE vendor_id = ? AND kind = 'LATE_ORDER'")
			.param(vendorId)
			.query(Long.class)
			.single()).isEqualTo(20);
		assertThat(close.statements().stream().map(Statement::adjustments).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isPositive();

		String checksum = CloseBenchmark.checksum(jdbc, vendorId, CloseBenchmark.MONTH);
		CloseBenchmark.reset(JdbcClient.create(owner), vendorId);
		commissions.close(vendor, CloseBenchmark.MONTH);
		assertThat(CloseBenchmark.checksum(jdbc, vendorId, CloseBenchmark.MONTH)).isEqualTo(checksum);
	}

}
