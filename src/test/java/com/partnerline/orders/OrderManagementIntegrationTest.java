package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderManagementIntegrationTest extends IntegrationTest {

	static final Currency USD = Currency.getInstance("USD");

	static final Currency EUR = Currency.getInstance("EUR");

	@Autowired
	OrderManagement orders;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	TransactionTemplate transactions;

	Vendor vendor(String timeZone) {
		String slug = unique("ord");
		assertThat(admin.put("/api/v1/admin/vendors/" + slug, map("name", "V", "timeZone", timeZone, "currency", "USD",
				"allowedDomains", List.of(slug + ".example.com"))).status()).isEqualTo(200);
		return catalog.vendor(slug);
	}

	static NewOrder order(String id, String at, Currency currency, PartnerId partner, String hash, String... prices) {
		List<OrderItem> items = new ArrayList<>();
		for (String price : prices) {
			items.add(new OrderItem("PROD", 1, new BigDecimal(price)));
		}
		return new NewOrder(id, OffsetDateTime.parse(at), currency, "c@example.net", "DE", items, partner,
				partner == null ? Attribution.NONE : Attribution.PARTNER, null, false, hash);
	}

	static PartnerId somePartner() {
		return new PartnerId(UUID.randomUUID());
	}

	@Test
	void recordsAnOrderOnceAndRefusesAConflictingRetry() {
		Vendor vendor = vendor("UTC");
		PartnerId partner = somePartner();
		RecordedOrder first = orders.record(vendor, order("o-1", "2026-11-10T10:00:00Z", USD, partner, "h1", "300.00", "150"));
		assertThat(first.created()).isTrue();
		assertThat(first.amount().amount()).isEqualByComparingTo("450.00");
		assertThat(first.period()).isEqualTo(YearMonth.of(2026, 11));

		RecordedOrder again = orders.record(vendor, order("o-1", "2026-11-10T10:00:00Z", USD, partner, "h1", "300.00", "150"));
		assertThat(again.created()).isFalse();
		assertThat(again.partnerId()).isEqualTo(partner);
		assertThat(again.amount().amount()).isEqualByComparingTo("450.00");

		assertThatThrownBy(() -> orders.record(vendor, order("o-1", "2026-11-10T10:00:00Z", USD, partner, "h2", "1")))
			.isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT));
		assertThat(count(vendor)).isEqualTo(1);
	}

	@Test
	void storesExactlyOneOfConcurrentDuplicateDeliveries() throws Exception {
		Vendor vendor = vendor("UTC");
		PartnerId partner = somePartner();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<RecordedOrder>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				calls.add(() -> orders.record(vendor, order("dup", "2026-11-10T10:00:00Z", USD, partner, "h", "10")));
			}
			long created = 0;
			for (Future<RecordedOrder> f : pool.invokeAll(calls)) {
				created += f.get().created() ? 1 : 0;
			}
			assertThat(created).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count(vendor)).isEqualTo(1);
	}

	@Test
	void convertsAtTheRateInForceOnTheOrderDateAndKeepsTheOriginal() {
		Vendor vendor = vendor("UTC");
		catalog.saveExchangeRate(vendor, "EUR", "2026-11-01", new BigDecimal("1.10"));
		catalog.saveExchangeRate(vendor, "EUR", "2026-11-15", new BigDecimal("1.20"));
		RecordedOrder order = orders.record(vendor,
				order("eur", "2026-11-14T23:59:00Z", EUR, somePartner(), "h", "100.00"));
		assertThat(order.rate()).isEqualByComparingTo("1.10");
		assertThat(order.originalAmount().amount()).isEqualByComparingTo("100.00");
		assertThat(order.originalAmount().currency()).isEqualTo(EUR);
		assertThat(order.amount().amount()).isEqualByComparingTo("110.00");
		assertThat(order.amount().currency()).isEqualTo(USD);
	}

	@Test
	void refusesAnOrderWithoutRateNamingCurrencyAndDateAndStoresNothing() {
		Vendor vendor = vendor("UTC");
		assertThatThrownBy(() -> orders.record(vendor, order("gbp", "2026-11-14T10:00:00Z",
				Currency.getInstance("GBP"), somePartner(), "h", "10")))
			.isInstanceOfSatisfying(ApiProblem.class, p -> {
				assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(p.arguments()).containsExactly("GBP", "2026-11-14");
			});
		assertThat(count(vendor)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM order_items WHERE vendor_id = ?")
			.param(vendor.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void putsAnOrderNearMidnightIntoTheMonthOfTheVendorsTimeZone() {
		Vendor newYork = vendor("America/New_York");
		RecordedOrder lateOctober = orders.record(newYork,
				order("tz-1", "2026-11-01T03:30:00Z", USD, somePartner(), "h", "10"));
		assertThat(lateOctober.period()).isEqualTo(YearMonth.of(2026, 10));
		Vendor tokyo = vendor("Asia/Tokyo");
		RecordedOrder earlyDecember = orders.record(tokyo,
				order("tz-2", "2026-11-30T15:30:00Z", USD, somePartner(), "h", "10"));
		assertThat(earlyDecember.period()).isEqualTo(YearMonth.of(2026, 12));
	}

	@Test
	void booksRefundsOnceAtTheOrdersRateAndNeverAboveWhatRemains() {
		Vendor vendor = vendor("UTC");
		catalog.saveExchangeRate(vendor, "EUR", "2026-11-01", new BigDecimal("1.10"));
		orders.record(vendor, order("r-1", "2026-11-10T10:00:00Z", EUR, somePartner(), "h", "100.00"));
		catalog.saveExchangeRate(vendor, "EUR", "2026-11-20", new BigDecimal("2.00"));

		RecordedRefund refund = orders.refund(vendor, "r-1",
				new NewRefund("rf-1", new BigDecimal("40.00"), OffsetDateTime.parse("2026-11-25T10:00:00Z"), "x"));
		assertThat(refund.created()).isTrue();
		assertThat(refund.amount().amount()).isEqualByComparingTo("44.00");
		assertThat(orders.refund(vendor, "r-1",
				new NewRefund("rf-1", new BigDecimal("40.00"), OffsetDateTime.parse("2026-11-25T10:00:00Z"), "x"))
			.created()).isFalse();
		assertThatThrownBy(() -> orders.refund(vendor, "r-1",
				new NewRefund("rf-1", new BigDecimal("41.00"), OffsetDateTime.parse("2026-11-25T10:00:00Z"), "y")))
			.isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT));
		assertThatThrownBy(() -> orders.refund(vendor, "r-1",
				new NewRefund("rf-2", new BigDecimal("60.01"), OffsetDateTime.parse("2026-11-25T10:00:00Z"), "z")))
			.isInstanceOfSatisfying(ApiProblem.class,
					p -> assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
		assertThat(orders.refund(vendor, "r-1",
				new NewRefund("rf-3", new BigDecimal("60.00"), OffsetDateTime.parse("2026-11-25T10:00:00Z"), "w"))
			.created()).isTrue();
		assertThatThrownBy(() -> orders.refund(vendor, "nope",
				new NewRefund("rf-4", BigDecimal.ONE, OffsetDateTime.parse("2026-11-25T10:00:00Z"), "w")))
			.isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	void computesMonthlyVolumesAndLateRefunds() {
		Vendor vendor = vendor("UTC");
		PartnerId alice = somePartner();
		PartnerId bob = somePartner();
		orders.record(vendor, order("a1", "2026-11-02T10:00:00Z", USD, alice, "h", "300.00"));
		orders.record(vendor, order("a2", "2026-11-03T10:00:00Z", USD, alice, "h", "450.00"));
		orders.record(vendor, order("a3", "2026-11-04T10:00:00Z", USD, alice, "h", "99.99"));
		orders.record(vendor, order("a-oct", "2026-10-31T10:00:00Z", USD, alice, "h", "1000"));
		orders.record(vendor, order("none", "2026-11-04T10:00:00Z", USD, null, "h", "5000"));
		orders.record(vendor, new NewOrder("self", OffsetDateTime.parse("2026-11-05T10:00:00Z"), USD, "b@x", "DE",
				List.of(new OrderItem("PROD", 2, new BigDecimal("50"))), bob, Attribution.COOKIE, null, true, "h"));
		orders.record(vendor, order("b1", "2026-11-05T10:00:00Z", USD, bob, "h", "20"));
		orders.refund(vendor, "b1", new NewRefund("rb1", new BigDecimal("5"), OffsetDateTime.parse("2026-11-20T00:00:00Z"), "h"));
		orders.refund(vendor, "a-oct", new NewRefund("ra", new BigDecimal("100"), OffsetDateTime.parse("2026-11-01T00:00:00Z"), "h"));
		orders.refund(vendor, "a3", new NewRefund("ra3", new BigDecimal("99.99"), OffsetDateTime.parse("2026-12-03T00:00:00Z"), "h"));

		assertThat(orders.monthlyVolumes(vendor.id(), YearMonth.of(2026, 11))).extracting(PartnerVolume::partnerId,
				v -> v.volume().stripTrailingZeros())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(alice, new BigDecimal("849.99")),
					org.assertj.core.groups.Tuple.tuple(bob, new BigDecimal("15")));
		assertThat(orders.lateRefunds(vendor.id(), YearMonth.of(2026, 11), Instant.now(), java.util.Map.of())).singleElement().satisfies(r -> {
			assertThat(r.partnerId()).isEqualTo(alice);
			assertThat(r.refundId()).isEqualTo("ra");
			assertThat(r.orderPeriod()).isEqualTo(YearMonth.of(2026, 10));
			assertThat(r.amount()).isEqualByComparingTo("100");
		});
		assertThat(orders.lateRefunds(vendor.id(), YearMonth.of(2026, 12), Instant.now(), java.util.Map.of())).extracting(LateRefund::refundId)
			.containsExactly("ra3");
		assertThat(orders.partnerMonths(vendor.id(), alice, YearMonth.of(2026, 10), YearMonth.of(2026, 12)))
			.extracting(MonthlyOrders::orders)
			.containsExactly(1L, 3L, 0L);
	}

	@Test
	void salesPerProductAndMonthLessRefundsAddUpToTheVolume() {
		Vendor vendor = vendor("UTC");
		PartnerId partner = somePartner();
		orders.record(vendor, new NewOrder("ps-1", OffsetDateTime.parse("2026-09-03T10:00:00Z"), USD, "c@example.net",
				"DE", List.of(new OrderItem("PROD", 2, new BigDecimal("100.00")), new OrderItem("OTHER", 1,
						new BigDecimal("50.00"))), partner, Attribution.PARTNER, null, false, "h"));
		orders.record(vendor, order("ps-2", "2026-09-04T10:00:00Z", USD, partner, "h", "30.00"));
		// 50.00 of the 250.00 order refunded in September: a fifth of each of its items
		orders.refund(vendor, "ps-1", new NewRefund("ps-r1", new BigDecimal("50.00"),
				OffsetDateTime.parse("2026-09-20T10:00:00Z"), "h"));
		// refunded in October: September's volume and sales keep it (a late refund)
		orders.refund(vendor, "ps-2", new NewRefund("ps-r2", new BigDecimal("30.00"),
				OffsetDateTime.parse("2026-10-02T10:00:00Z"), "h"));
		// volume: 250.00 + 30.00 - 50.00 = 230.00; PROD 200 × 4/5 + 30 = 190.00, OTHER 50 × 4/5 = 40.00
		assertThat(orders.monthlyVolumes(vendor.id(), YearMonth.of(2026, 9))).singleElement()
			.satisfies(v -> assertThat(v.volume()).isEqualByComparingTo("230.00"));
		List<ProductSales> sales = orders.productSales(vendor.id(), YearMonth.of(2026, 9), YearMonth.of(2026, 10));
		assertThat(sales).extracting(ProductSales::sku, s -> s.amount().setScale(2, java.math.RoundingMode.HALF_EVEN))
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("PROD", new BigDecimal("190.00")),
					org.assertj.core.groups.Tuple.tuple("OTHER", new BigDecimal("40.00")));
		assertThat(sales.stream().map(ProductSales::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("230.00");
	}

	@Test
	void replacesTheOrdersOfASalesReport() {
		Vendor vendor = vendor("UTC");
		PartnerId partner = somePartner();
		Instant at = Instant.parse("2026-12-01T08:00:00Z");
		transactions.executeWithoutResult(tx -> orders.replaceReportedOrders(vendor, partner, YearMonth.of(2026, 11), 7,
				List.of(new ReportedSale("PROD", 2, new BigDecimal("200"), "Client", "c@x", "DE"),
						new ReportedSale("PROD", 1, new BigDecimal("100"), "Client 2", "d@x", "FR")),
				at));
		assertThat(orders.monthlyVolumes(vendor.id(), YearMonth.of(2026, 11))).singleElement()
			.satisfies(v -> assertThat(v.volume()).isEqualByComparingTo("300"));
		transactions.executeWithoutResult(tx -> orders.replaceReportedOrders(vendor, partner, YearMonth.of(2026, 11), 8,
				List.of(new ReportedSale("PROD", 1, new BigDecimal("50"), "Client", "c@x", "DE")), at));
		assertThat(orders.monthlyVolumes(vendor.id(), YearMonth.of(2026, 11))).singleElement()
			.satisfies(v -> assertThat(v.volume()).isEqualByComparingTo("50"));
		OrderPage page = orders.orders(vendor, OrderQuery.all());
		assertThat(page.total()).isEqualTo(1);
		assertThat(page.rows().get(0).attribution()).isEqualTo(Attribution.REPORT);
		// the replaced orders' items go with them: every item left belongs to an order
		assertThat(jdbc.sql("""
				SELECT count(*) FROM order_items i WHERE i.vendor_id = ?
				  AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.vendor_id = i.vendor_id AND o.order_id = i.order_id)""")
			.param(vendor.id().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM order_items WHERE vendor_id = ?")
			.param(vendor.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	long count(Vendor vendor) {
		return jdbc.sql("SELECT count(*) FROM orders WHERE vendor_id = ?")
			.param(vendor.id().value())
			.query(Long.class)
			.single();
	}

}
