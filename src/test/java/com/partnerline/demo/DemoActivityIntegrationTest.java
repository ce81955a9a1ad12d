package com.partnerline.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.CommissionManagement;
import com.partnerline.commissions.PayoutBatch;
import com.partnerline.commissions.Statement;
import com.partnerline.orders.OrderManagement;
import com.partnerline.orders.OrderQuery;
import com.partnerline.orders.OrderRow;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerType;
import com.partnerline.support.IntegrationTest;
import com.partnerline.tracking.ClickMonth;
import com.partnerline.tracking.TrackingManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh database started with the demo on: three months of activity for
 * {@code kaspersky} are there, made through the services, and they are the figures of
 * the seeded plan (so the same every time for the same day).
 */
@TestPropertySource(properties = "partnerline.demo-activity=true")
class DemoActivityIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CommissionManagement commissions;

	@Autowired
	OrderManagement orders;

	@Autowired
	TrackingManagement tracking;

	@Autowired
	Clock clock;

	@Test
	void freshDatabaseHoldsThreeClosedMonthsOfTheSeededPlan() {
		Vendor vendor = catalog.vendor(DemoData.VENDOR);
		LocalDate today = LocalDate.now(clock.withZone(vendor.timeZone()));
		DemoPlan plan = DemoPlan.of(today, vendor.timeZone());
		// the same plan every time for the same day
		assertThat(DemoPlan.of(today, vendor.timeZone())).isEqualTo(plan);
		YearMonth current = plan.current();
		YearMonth m3 = current.minusMonths(3);
		YearMonth m2 = current.minusMonths(2);
		YearMonth m1 = current.minusMonths(1);

		assertThat(partners.membersOf(vendor.id())).hasSize(7);
		assertThat(commissions.closedMonths(vendor.id())).containsExactlyInAnyOrder(m3, m2, m1);

		Partner lucas = partners.findByCode("lucas").orElseThrow();
		Statement lucasM1 = commissions.statement(vendor.id(), lucas.id(), m1).orElseThrow();
		assertThat(lucasM1.volume()).isEqualByComparingTo(plan.volume("lucas", m1));
		assertThat(lucasM1.band()).isIn("A2", "A3", "I1");
		// the refund inside M-2 lowered that month's volume
		DemoPlan.PlannedOrder refunded = plan.orders()
			.stream()
			.filter(o -> o.partner().equals("lucas") && o.month().equals(m2))
			.findFirst()
			.orElseThrow();
		assertThat(commissions.statement(vendor.id(), lucas.id(), m2).orElseThrow().volume())
			.isEqualByComparingTo(plan.volume("lucas", m2).subtract(refunded.amount()));

		// affiliates in different bands
		List<String> bands = commissions.statements(vendor.id(), m1).stream().map(Statement::band).distinct().toList();
		assertThat(bands.size()).isGreaterThanOrEqualTo(3);

		// the Internet Partner under its SELF contract: its reported sales at the negotiated rate
		Partner internet = partners.findByCode("netshield").orElseThrow();
		Statement internetM1 = commissions.statement(vendor.id(), internet.id(), m1).orElseThrow();
		assertThat(internetM1.partnerType()).isEqualTo(PartnerType.INTERNET);
		assertThat(internetM1.rate()).isEqualByComparingTo("0.30");
		BigDecimal reported = plan.reports()
			.stream()
			.filter(r -> r.month().equals(m1))
			.flatMap(r -> r.lines().stream())
			.map(DemoPlan.SalesLine::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(internetM1.volume()).isEqualByComparingTo(reported);

		// two paid payout batches and an open one
		assertThat(batch(vendor, m3).status()).isEqualTo("PAID");
		assertThat(batch(vendor, m2).status()).isEqualTo("PAID");
		assertThat(batch(vendor, m1).status()).isEqualTo("OPEN");

		// the late refund: an order of the closed M-1, refunded in full after the close
		DemoPlan.PlannedOrder late = plan.orders()
			.stream()
			.filter(o -> o.partner().equals("olga") && o.month().equals(m1))
			.findFirst()
			.orElseThrow();
		OrderRow lateRow = orders
			.orders(vendor, new OrderQuery(null, null, null, null, late.orderId(), "occurredAt", true, 0, 50))
			.rows()
			.stream()
			.filter(row -> row.orderId().equals(late.orderId()))
			.findFirst()
			.orElseThrow();
		assertThat(lateRow.refunded()).isEqualByComparingTo(late.amount());

		// clicks over the months, some of them repeats or bots that do not count
		List<ClickMonth> clicks = tracking.monthlyClicks(vendor, lucas.id(), m3, current);
		long all = clicks.stream().mapToLong(ClickMonth::clicks).sum();
		long counted = clicks.stream().mapToLong(ClickMonth::counted).sum();
		assertThat(all).isEqualTo(plan.clicks().stream().filter(c -> c.partner().equals("lucas")).count());
		assertThat(counted).isPositive().isLessThan(all);
		assertThat(clicks.stream().map(ClickMonth::month).distinct().count()).isGreaterThanOrEqualTo(3);
	}

	private PayoutBatch batch(Vendor vendor, YearMonth month) {
		return commissions.payoutBatch(vendor.id(), commissions.payoutBatchId(vendor.id(), month).orElseThrow())
			.orElseThrow();
	}

}
