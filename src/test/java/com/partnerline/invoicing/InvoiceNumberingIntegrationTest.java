package com.partnerline.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.VendorId;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor's invoice numbers are 1..n without a gap or a duplicate when two months close
 * at the same time, and a close that rolls back gives its numbers back.
 */
class InvoiceNumberingIntegrationTest extends IntegrationTest {

	@Autowired
	SelfBilling selfBilling;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void twoMonthsClosedAtOnceNumberTheirInvoicesOneToNWithoutGaps() throws Exception {
		InvoicingFixtures fx = new InvoicingFixtures(api, admin, port);
		TestVendor vendor = newVendor();
		VendorId vendorId = catalog.vendor(vendor.slug()).id();
		fx.vendorDetails(vendor, "Vendor Software GmbH", "Hauptstrasse 1\n10115 Berlin", "DE", "DE123456789");
		List<TestPartner> partners = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			TestPartner partner = newPartner(vendor);
			fx.selfBilling(partner, vendor, "Partner " + i + " GmbH", "Weg " + i + "\n10115 Berlin", "DE",
					"DE10000000" + i);
			fx.order(vendor, partner, unique("jun"), "2026-06-10T10:00:00Z", "600.00");
			fx.order(vendor, partner, unique("jul"), "2026-07-10T10:00:00Z", "700.00");
			partners.add(partner);
		}
		// a close that takes numbers and then rolls back leaves no gap
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		transaction.executeWithoutResult(status -> {
			assertThat(selfBilling.allocate(vendorId, 5)).isEqualTo(5);
			status.setRollbackOnly();
		});

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<JsonNode>> closes = new ArrayList<>();
			for (String month : List.of("2026-06", "2026-07")) {
				closes.add(pool.submit(() -> {
					start.await();
					return fx.close(vendor, month);
				}));
			}
			start.countDown();
			for (Future<JsonNode> close : closes) {
				assertThat(close.get(60, TimeUnit.SECONDS).path("statements")).hasSize(4);
			}
		}
		finally {
			pool.shutdown();
		}

		List<Long> numbers = jdbc.sql("SELECT number FROM invoices WHERE vendor_id = ? ORDER BY number")
			.param(vendorId.value())
			.query(Long.class)
			.list();
		assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 8).boxed().toList());
		assertThat(jdbc.sql("SELECT count(DISTINCT statement_id) FROM invoices WHERE vendor_id = ?")
			.param(vendorId.value())
			.query(Long.class)
			.single()).isEqualTo(8);
		// one month's invoices take consecutive numbers: whichever close came first took 1..4
		List<String> months = jdbc.sql("SELECT to_char(month, 'YYYY-MM') FROM invoices WHERE vendor_id = ? ORDER BY number")
			.param(vendorId.value())
			.query(String.class)
			.list();
		assertThat(months.subList(0, 4)).containsOnly(months.get(0));
		assertThat(months.subList(4, 8)).containsOnly(months.get(4)).doesNotContain(months.get(0));
		for (TestPartner partner : partners) {
			assertThat(fx.invoices(partner)).hasSize(2);
		}
		// closing again issues nothing new
		fx.close(vendor, "2026-07");
		assertThat(jdbc.sql("SELECT last_number FROM invoice_counters WHERE vendor_id = ?")
			.param(vendorId.value())
			.query(Long.class)
			.single()).isEqualTo(8);
	}

}
