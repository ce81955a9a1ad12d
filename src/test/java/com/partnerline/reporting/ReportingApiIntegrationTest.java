package com.partnerline.reporting;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static com.partnerline.reporting.ReportingFixtures.HEADER;
import static com.partnerline.reporting.ReportingFixtures.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;

class ReportingApiIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	// forecast

	@Test
	void filesAForecastAndReplacesItBeforeTheMonthStartsKeepingItsHistory() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String path = forecastPath(vendor, thisMonth().plusMonths(2));
		Api.Response first = partner.api().put(path,
				map("anticipatedVolume", "12000.00", "lines", List.of(map("sku", "PROD", "quantity", 100))));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("version").asInt()).isEqualTo(1);
		assertThat(first.json().path("currency").asString()).isEqualTo("USD");

		Api.Response second = partner.api().put(path,
				map("anticipatedVolume", 15000, "lines", List.of(map("sku", "PROD", "quantity", "120"))));
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(second.json().path("version").asInt()).isEqualTo(2);
		assertThat(second.json().path("replaced").asBoolean()).isTrue();
		assertThat(second.json().path("anticipatedVolume").asString()).isEqualTo("15000.00");

		Api.Response read = partner.api().get(path);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("current").path("lines").get(0).path("quantity").asInt()).isEqualTo(120);
		assertThat(read.json().path("history")).hasSize(2);
		assertThat(read.json().path("history").get(1).path("anticipatedVolume").asString()).isEqualTo("12000.00");
		assertThat(read.json().path("history").get(1).path("replacedAt").asString()).isNotBlank();
	}

	@Test
	void refusesToReplaceAForecastOnceItsMonthHasStartedAndToFileOneForAMonthThatIsOver() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String current = forecastPath(vendor, thisMonth());
		Api.Response late = partner.api().put(current, map("anticipatedVolume", "500", "lines", List.of()));
		assertThat(late.status()).as(late.toString()).isEqualTo(200);
		assertThat(late.json().path("late").asBoolean()).isTrue();

		Api.Response replacement = partner.api().put(current, map("anticipatedVolume", "900", "lines", List.of()));
		assertThat(replacement.status()).isEqualTo(422);
		assertThat(replacement.header("Content-Type")).startsWith("application/problem+json");
		assertThat(replacement.json().path("detail").asString()).contains("started");
		assertThat(partner.api().get(current).json().path("current").path("anticipatedVolume").asString())
			.isEqualTo("500.00");

		Api.Response past = partner.api()
			.put(forecastPath(vendor, thisMonth().minusMonths(1)), map("anticipatedVolume", "1", "lines", List.of()));
		assertThat(past.status()).isEqualTo(422);
	}

	@Test
	void namesEveryBadFieldOfAForecast() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Api.Response response = partner.api()
			.put(forecastPath(vendor, thisMonth().plusMonths(1)), map("anticipatedVolume", "-5", "lines",
					List.of(map("sku", "NOPE", "quantity", 1), map("sku", "PROD", "quantity", 0))));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("anticipatedVolume", "lines[0].sku",
				"lines[1].quantity");
		assertThat(partner.api().get(forecastPath(vendor, thisMonth().plusMonths(1))).status()).isEqualTo(404);
		assertThat(partner.api().put("/api/v1/partner/programs/" + vendor.slug() + "/reports/forecast/2026-13",
				map("anticipatedVolume", "1")).errorFields()).containsExactly("month");
	}

	// sales

	@Test
	void aSelfProcessingPartnersSalesReportBecomesItsOrdersAndAReplacementReplacesThemExactly() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, partner, "SELF");
		String path = salesPath(vendor, thisMonth());
		Api.Response first = partner.api().put(path, map("lines", List.of(
				map("sku", "PROD", "quantity", 2, "amount", "200.00", "client",
						map("name", "Müller GmbH", "email", "einkauf@mueller.example", "country", "DE")),
				map("sku", "PROD", "quantity", 1, "amount", "99.99", "client",
						map("name", "Jane Roe", "email", "jane@example.com", "country", "us")))));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("total").asString()).isEqualTo("299.99");
		assertThat(first.json().path("lineCount").asInt()).isEqualTo(2);
		assertThat(reportedOrders(vendor, partner)).isEqualTo(2);
		assertThat(reportedAmount(vendor, partner)).isEqualByComparingTo("299.99");

		Api.Response second = partner.api().put(path, map("lines", List.of(map("sku", "PROD", "quantity", 5,
				"amount", "450.00", "client", map("name", "Acme", "email", "buy@acme.example", "country", "FR")))));
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(second.json().path("version").asInt()).isEqualTo(2);
		assertThat(second.json().path("replaced").asBoolean()).isTrue();
		assertThat(reportedOrders(vendor, partner)).isEqualTo(1);
		assertThat(reportedAmount(vendor, partner)).isEqualByComparingTo("450.00");

		Api.Response read = partner.api().get(path);
		assertThat(read.json().path("current").path("lines").get(0).path("client").path("name").asString())
			.isEqualTo("Acme");
		assertThat(read.json().path("history")).hasSize(2);

		Api.Response fva = admin
			.get("/api/v1/admin/vendors/" + vendor.slug() + "/reports/forecast-vs-actual?month=" + thisMonth());
		assertThat(fva.status()).as(fva.toString()).isEqualTo(200);
		var row = fva.json().path("partners").get(0);
		assertThat(row.path("partnerId").asString()).isEqualTo(partner.id());
		assertThat(row.path("actual").asString()).isEqualTo("450.00");
		assertThat(row.path("products").get(0).path("actualQuantity").asLong()).isEqualTo(5);
	}

	@Test
	void aCsvWithSeveralBadLinesNamesEachOneByItsLineAndStoresNothing() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, partner, "SELF");
		String csv = HEADER + "PROD,1,100.00,Good Client,good@example.com,DE\n"
				+ "NOPE,1,100.00,Bad Sku,bad@example.com,DE\n" + "PROD,2,200.00,\"Smith, John\",john@example.com,GB\n"
				+ "PROD,zero,abc,Bad Numbers,not-an-email,XX\n" + "PROD,1\n";
		Api.Response response = partner.api().send("PUT", salesPath(vendor, thisMonth()), csv, "text/csv");
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("line 3", "line 5", "line 6");
		String errors = response.json().path("errors").toString();
		assertThat(errors).contains("NOPE", "quantity", "amount", "client_email", "client_country");
		assertThat(jdbc.sql("SELECT count(*) FROM sales_reports WHERE partner_id = ?")
			.param(UUID.fromString(partner.id()))
			.query(Long.class)
			.single()).isZero();
		assertThat(reportedOrders(vendor, partner)).isZero();

		Api.Response preview = partner.api()
			.send("POST", salesPath(vendor, thisMonth()) + "/preview", csv, "text/csv");
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().path("submittable").asBoolean()).isFalse();
		assertThat(preview.json().path("badLines").asInt()).isEqualTo(3);
		assertThat(preview.json().path("total").asString()).isEqualTo("300.00");
	}

	@Test
	void acceptsAGoodCsvInUtf8AndNamesAWrongHeader() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, partner, "SELF");
		String path = salesPath(vendor, thisMonth());
		Api.Response good = partner.api()
			.send("PUT", path, HEADER + "PROD,3,300.00,\"Łódź Software, S.A.\",zakupy@lodz.example,PL\n", "text/csv");
		assertThat(good.status()).as(good.toString()).isEqualTo(200);
		assertThat(good.json().path("source").asString()).isEqualTo("CSV");
		assertThat(partner.api().get(path).json().path("current").path("lines").get(0).path("client").path("name")
			.asString()).isEqualTo("Łódź Software, S.A.");

		Api.Response header = partner.api().send("PUT", path, "product,qty\nPROD,1\n", "text/csv");
		assertThat(header.status()).isEqualTo(422);
		assertThat(header.errorFields()).containsExactly("line 1");
		Api.Response json = partner.api()
			.put(path, map("lines", List.of(map("sku", "PROD", "quantity", 1, "amount", "1.00", "client",
					map("name", "", "email", "x@example.com", "country", "DE")))));
		assertThat(json.errorFields()).containsExactly("lines[0].client.name");
		assertThat(partner.api().get(path).json().path("current").path("version").asInt()).isEqualTo(1);
	}

	@Test
	void refusesASalesReportForAClosedMonth() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, partner, "SELF");
		YearMonth closed = thisMonth().minusMonths(1);
		ReportingFixtures.close(jdbc, catalog, vendor, closed);
		Api.Response response = partner.api()
			.send("PUT", salesPath(vendor, closed), HEADER + "PROD,1,100.00,A,a@example.com,DE\n", "text/csv");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("detail").asString()).contains("closed");
		assertThat(reportedOrders(vendor, partner)).isZero();
		Api.Response future = partner.api().put(salesPath(vendor, thisMonth().plusMonths(1)), map("lines", List.of()));
		assertThat(future.status()).isEqualTo(422);
	}

	@Test
	void acceptsSalesReportsOnlyFromInternetPartnersWithSelfProcessing() {
		TestVendor vendor = newVendor();
		TestPartner affiliate = newPartner(vendor);
		TestPartner network = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, network, "NETWORK");
		Object body = map("lines", List.of(map("sku", "PROD", "quantity", 1, "amount", "10.00", "client",
				map("name", "A", "email", "a@example.com", "country", "DE"))));
		for (TestPartner partner : List.of(affiliate, network)) {
			Api.Response response = partner.api().put(salesPath(vendor, thisMonth()), body);
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().path("detail").asString()).contains("processed by the network");
			assertThat(reportedOrders(vendor, partner)).isZero();
		}
	}

	@Test
	void aPartnerNeverSeesAnotherPartnersReports() {
		TestVendor vendor = newVendor();
		TestPartner alice = newPartner(vendor);
		TestPartner bob = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, alice, "SELF");
		assertThat(alice.api()
			.send("PUT", salesPath(vendor, thisMonth()), HEADER + "PROD,1,100.00,Secret Client,s@example.com,DE\n",
					"text/csv")
			.status()).isEqualTo(200);
		assertThat(alice.api()
			.put(forecastPath(vendor, thisMonth().plusMonths(1)), map("anticipatedVolume", "1000", "lines", List.of()))
			.status()).isEqualTo(200);

		assertThat(bob.api().get(salesPath(vendor, thisMonth())).status()).isEqualTo(404);
		assertThat(bob.api().get(forecastPath(vendor, thisMonth().plusMonths(1))).status()).isEqualTo(404);
		Api.Response list = bob.api().get("/api/v1/partner/programs/" + vendor.slug() + "/reports");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain("Secret Client").doesNotContain("1000");
		assertThat(list.json().path("sales")).isEmpty();
		assertThat(list.json().path("forecasts")).isEmpty();
		assertThat(alice.api().get("/api/v1/partner/programs/" + vendor.slug() + "/reports").json().path("sales"))
			.hasSize(1);

		TestVendor other = newVendor();
		assertThat(alice.api().get("/api/v1/partner/programs/" + other.slug() + "/reports").status()).isEqualTo(404);
		assertThat(alice.api().get("/api/v1/admin/vendors/" + vendor.slug() + "/reports/forecast-vs-actual").status())
			.isEqualTo(403);
	}

	@Test
	void showsTheVendorForecastVersusActualWithMissingReportsAlsoAsCsv() {
		TestVendor vendor = newVendor();
		TestPartner filed = newPartner(vendor);
		TestPartner silent = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, filed, "SELF");
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, silent, "SELF");
		YearMonth next = thisMonth().plusMonths(1);
		assertThat(filed.api()
			.put(forecastPath(vendor, next),
					map("anticipatedVolume", "1000.00", "lines", List.of(map("sku", "PROD", "quantity", 10))))
			.status()).isEqualTo(200);
		Api.Response fva = admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/reports/forecast-vs-actual?month=" + next);
		assertThat(fva.status()).as(fva.toString()).isEqualTo(200);
		assertThat(fva.json().path("partners")).hasSize(2);
		var filedRow = fva.json().path("partners").valueStream()
			.filter(p -> p.path("partnerId").asString().equals(filed.id()))
			.findFirst()
			.orElseThrow();
		assertThat(filedRow.path("forecast").asString()).isEqualTo("1000.00");
		assertThat(filedRow.path("actual").asString()).isEqualTo("0.00");
		assertThat(filedRow.path("ratio").asString()).isEqualTo("0.0000");
		assertThat(filedRow.path("products").get(0).path("forecastQuantity").asLong()).isEqualTo(10);
		assertThat(fva.json().path("missing")).hasSize(1);
		assertThat(fva.json().path("missing").get(0).path("partnerId").asString()).isEqualTo(silent.id());
		assertThat(fva.json().path("missing").get(0).path("report").asString()).isEqualTo("FORECAST");

		Api.Response csv = admin.header("Accept", "text/csv")
			.get("/api/v1/admin/vendors/" + vendor.slug() + "/reports/forecast-vs-actual?month=" + next);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("month,partner_id,partner,type,forecast,actual,ratio,currency,forecast_late")
			.contains(filed.id() + ",", "1000.00");
	}

	@Autowired
	com.partnerline.orders.OrderManagement orderManagement;

	@Test
	void aPartnerWhoBecameAnInternetPartnerTodayOwesNoForecastThatFellDueBefore() {
		TestVendor vendor = newVendor();
		TestPartner today = newPartner(vendor);
		TestPartner lastMonth = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, today, "NETWORK");
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, lastMonth, "NETWORK");
		jdbc.sql("UPDATE contracts SET accepted_at = now() - INTERVAL '40 days' WHERE partner_id = ?::uuid")
			.param(lastMonth.id())
			.update();
		YearMonth month = thisMonth();
		// this month's forecast fell due on the last day of last month
		assertThat(forecastStatus(vendor, today, month)).isEqualTo("OPTIONAL");
		assertThat(forecastStatus(vendor, today, month.plusMonths(1))).isEqualTo("DUE");
		assertThat(forecastStatus(vendor, lastMonth, month)).isEqualTo("OVERDUE");
		JsonNode missing = admin
			.get("/api/v1/admin/vendors/" + vendor.slug() + "/reports/forecast-vs-actual?month=" + month)
			.json()
			.path("missing");
		assertThat(missing.findValuesAsString("partnerId")).contains(lastMonth.id()).doesNotContain(today.id());
	}

	private String forecastStatus(TestVendor vendor, TestPartner partner, YearMonth month) {
		for (JsonNode item : partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/reports").json()
			.path("due")) {
			if (item.path("type").asString().equals("FORECAST") && item.path("month").asString().equals(month.toString())) {
				return item.path("status").asString();
			}
		}
		throw new AssertionError("no forecast of " + month);
	}

	@Test
	void theConsolesSalesCsvOfAMonthHoldsThatMonthOnly() throws Exception {
		// the demo vendor, whose manager logs on to the console
		TestVendor vendor = new TestVendor("kaspersky", "");
		TestPartner partner = newPartner(newVendor());
		partners.join(com.partnerline.kernel.PartnerId.of(partner.id()), "kaspersky",
				catalog.program(catalog.vendor("kaspersky")).termsVersion(), null);
		YearMonth previous = thisMonth().minusMonths(1);
		// an order of the month and one of the month before, through the orders module
		YearMonth before = previous.minusMonths(1);
		orderManagement.record(catalog.vendor("kaspersky"), new com.partnerline.orders.NewOrder(unique("before"),
				before.atDay(10).atStartOfDay().atOffset(java.time.ZoneOffset.UTC), java.util.Currency.getInstance("USD"),
				"c@example.net", "DE", List.of(new com.partnerline.orders.OrderItem("PROD", 1, java.math.BigDecimal.TEN)),
				com.partnerline.kernel.PartnerId.of(partner.id()), com.partnerline.orders.Attribution.PARTNER, null, false,
				"h"));
		orderManagement.record(catalog.vendor("kaspersky"), new com.partnerline.orders.NewOrder(unique("month"),
				previous.atDay(10).atStartOfDay().atOffset(java.time.ZoneOffset.UTC), java.util.Currency.getInstance("USD"),
				"c@example.net", "DE", List.of(new com.partnerline.orders.OrderItem("PROD", 2, java.math.BigDecimal.TEN)),
				com.partnerline.kernel.PartnerId.of(partner.id()), com.partnerline.orders.Attribution.PARTNER, null, false,
				"h"));
		com.partnerline.orders.Browser console = new com.partnerline.orders.Browser(port)
			.logIn("manager@kaspersky.example", "demo-manager-2026");
		java.net.http.HttpResponse<String> csv = console
			.get("/console/reports/" + vendor.slug() + "/export/sales.csv?month=" + previous);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains(previous + "," + partner.id() + ",");
		assertThat(csv.body().lines().skip(1)).allSatisfy(row -> assertThat(row).startsWith(previous + ","));
	}

	@Test
	void marksALateSalesReportAndShowsSalesByPartnerProductAndMonthToTheVendor() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, partner, "SELF");
		YearMonth previous = thisMonth().minusMonths(1);
		Api.Response filed = partner.api()
			.send("PUT", salesPath(vendor, previous),
					HEADER + "PROD,4,400.00,=HYPERLINK(\"x\"),formula@example.com,DE\n", "text/csv");
		assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
		// due on the 10th of the following month, that is of this month
		boolean late = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getDayOfMonth() > 10;
		assertThat(filed.json().path("late").asBoolean()).isEqualTo(late);
		Api.Response fva = admin
			.get("/api/v1/admin/vendors/" + vendor.slug() + "/reports/forecast-vs-actual?month=" + previous);
		assertThat(fva.json().path("late")).hasSize(late ? 1 : 0);

		String base = "/api/v1/admin/vendors/" + vendor.slug() + "/reports/sales?from=" + previous + "&to=" + thisMonth();
		Api.Response sales = admin.get(base);
		assertThat(sales.status()).as(sales.toString()).isEqualTo(200);
		assertThat(sales.json().path("rows")).hasSize(1);
		assertThat(sales.json().path("rows").get(0).path("amount").asString()).isEqualTo("400.00");
		assertThat(sales.json().path("rows").get(0).path("quantity").asLong()).isEqualTo(4);
		Api.Response csv = admin.get(base + "&format=csv");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("month,partner_id,partner,sku,quantity,amount,currency")
			.contains(previous + "," + partner.id(), ",PROD,4,400.00,USD");
		// a partner names itself: the export neutralises a name a spreadsheet would run
		jdbc.sql("UPDATE partners SET name = '@SUM(A1)' WHERE id = ?::uuid").param(partner.id()).update();
		assertThat(admin.get(base + "&format=csv").body()).contains(previous + "," + partner.id() + ",'@SUM(A1) (Company),PROD");
		assertThat(admin.get("/api/v1/admin/vendors/" + vendor.slug() + "/reports/sales?from=2026-05&to=2026-01")
			.errorFields()).containsExactly("from");

		Api.Response own = partner.api()
			.get("/api/v1/partner/programs/" + vendor.slug() + "/reports/forecast-vs-actual?from=" + previous + "&to="
					+ thisMonth());
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.json().path("months")).hasSize(2);
		assertThat(own.json().path("months").get(0).path("actual").asString()).isEqualTo("400.00");
		Api.Response due = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/reports");
		assertThat(due.json().path("due").toString()).contains("\"type\":\"SALES\"", "\"type\":\"FORECAST\"");
	}

	private String forecastPath(TestVendor vendor, YearMonth month) {
		return "/api/v1/partner/programs/" + vendor.slug() + "/reports/forecast/" + month;
	}

	private String salesPath(TestVendor vendor, YearMonth month) {
		return "/api/v1/partner/programs/" + vendor.slug() + "/reports/sales/" + month;
	}

	private long reportedOrders(TestVendor vendor, TestPartner partner) {
		return jdbc.sql("SELECT count(*) FROM orders WHERE vendor_id = ? AND partner_id = ? AND source = 'REPORT'")
			.params(catalog.vendor(vendor.slug()).id().value(), UUID.fromString(partner.id()))
			.query(Long.class)
			.single();
	}

	private java.math.BigDecimal reportedAmount(TestVendor vendor, TestPartner partner) {
		return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM orders WHERE vendor_id = ? AND partner_id = ? AND source = 'REPORT'")
			.params(catalog.vendor(vendor.slug()).id().value(), UUID.fromString(partner.id()))
			.query(java.math.BigDecimal.class)
			.single();
	}

}
