package com.partnerline.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.CommissionManagement;
import com.partnerline.commissions.PayoutService;
import com.partnerline.kernel.PartnerId;
import com.partnerline.orders.Attribution;
import com.partnerline.orders.NewOrder;
import com.partnerline.orders.OrderItem;
import com.partnerline.orders.OrderManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Browser;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: a partner picks periods on its dashboard and sees the KPIs
 * change, copies a link, and sees an order move from pending to on a statement to
 * paid; a vendor manager finds a partner by name, opens its page, edits the program's
 * minimum payout and closes a month through the confirmation step. Screenshots of the
 * dashboard and the partner page in English and Russian go to target/screenshots/.
 */
class DashboardBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	OrderManagement orders;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CommissionManagement commissions;

	@Autowired
	PayoutService payouts;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Clock clock;

	private Browser browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.open("http://127.0.0.1:" + port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	@Test
	void partnerPicksPeriodsCopiesALinkAndSeesAnOrderMoveFromPendingToPaid() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Vendor found = catalog.vendor(vendor.slug());
		Api.Response link = partner.api()
			.post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD", "subId", "spring-review"));
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		String url = link.json().path("url").asString();

		YearMonth thisMonth = YearMonth.now(clock);
		YearMonth lastMonth = thisMonth.minusMonths(1);
		order(found, partner, "last-" + UUID.randomUUID(), lastMonth.atDay(15), "1000.00");
		order(found, partner, "last2-" + UUID.randomUUID(), lastMonth.atDay(16), "200.00");
		String current = "now-" + UUID.randomUUID();
		order(found, partner, current, LocalDate.now(clock), "300.00");

		browser.logIn(partner.email(), Fixtures.PASSWORD);
		// the panel's home is the dashboard of the partner's (only) program
		browser.go("/panel");
		assertThat(browser.currentUrl()).contains("/panel/programs/" + vendor.slug() + "/dashboard");
		assertThat(browser.driver().findElements(org.openqa.selenium.By.id("program-switcher"))).isEmpty();
		browser.clickAndWait("#all-programs");
		assertThat(browser.currentUrl()).endsWith("/panel/programs");
		browser.clickAndWait("#dashboard-" + vendor.slug());
		assertThat(browser.text("#kpi-orders")).isEqualTo("1");
		assertThat(browser.text("#kpi-sales")).contains("300.00");
		assertThat(browser.text("#kpi-band")).contains("A1");
		assertThat(browser.text("#kpi-next")).contains("200.00").contains("A2");
		assertThat(browser.find("#dashboard-chart").getAttribute("data-chart-ready")).isEqualTo("true");
		screenshot("dashboard-en");

		browser.clickAndWait("#preset-lastMonth");
		assertThat(browser.text("#kpi-orders")).isEqualTo("2");
		assertThat(browser.text("#kpi-sales")).contains("1,200.00");
		assertThat(browser.text("#transactions")).contains("Pending: month still open");

		browser.setValue("#range-from", lastMonth.atDay(1).toString());
		browser.setValue("#range-to", LocalDate.now(clock).toString());
		browser.clickAndWait("#range-apply");
		assertThat(browser.text("#kpi-orders")).isEqualTo("3");
		assertThat(browser.text("#kpi-sales")).contains("1,500.00");

		browser.go("/panel/programs/" + vendor.slug() + "/dashboard?lang=ru");
		assertThat(browser.text("h1")).contains("Сводка");
		screenshot("dashboard-ru");
		browser.go("/panel/programs/" + vendor.slug() + "/dashboard?lang=en");

		// copies its link
		assertThat(browser.text("#links")).contains(url).contains("spring-review");
		browser.click("#links button.copy");
		browser.waitFor(d -> browser.text("#copy-status").isEmpty() ? null : Boolean.TRUE);
		assertThat(browser.text("#copy-status")).isEqualTo("Copied to the clipboard.");
		String copied = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return document.querySelector('#links button.copy').getAttribute('data-copy-state');");
		assertThat(copied).isEqualTo("copied");

		// the month closes: the order is on a statement, then paid
		browser.go("/panel/programs/" + vendor.slug() + "/dashboard?range=lastMonth");
		String lastOrderId = browser.driver().findElements(org.openqa.selenium.By.cssSelector("#transactions tbody tr"))
			.stream()
			.filter(row -> row.getText().contains("Pending"))
			.map(row -> row.getAttribute("id"))
			.filter(id -> id.startsWith("order-last-"))
			.findFirst()
			.orElseThrow();
		var closed = commissions.close(found, lastMonth);
		browser.go("/panel/programs/" + vendor.slug() + "/dashboard?range=lastMonth");
		assertThat(browser.text("#" + lastOrderId)).contains("On a statement");
		assertThat(browser.text("#payout-" + lastMonth)).contains("On a statement");
		payouts.markPaid(found, String.valueOf(closed.payoutBatchId()), "test");
		browser.go("/panel/programs/" + vendor.slug() + "/dashboard?range=lastMonth");
		assertThat(browser.text("#" + lastOrderId)).contains("Paid");
		assertThat(browser.text("#payout-" + lastMonth)).contains("Paid");
		browser.go("/panel/programs/" + vendor.slug() + "/dashboard?range=month");
		assertThat(browser.text("#order-" + current)).contains("Pending");

		// CSV of the transactions, the partner's own only
		java.net.http.HttpResponse<String> csv = csv(partner, "/panel/programs/" + vendor.slug()
				+ "/dashboard/transactions.csv?from=" + lastMonth.atDay(1) + "&to=" + LocalDate.now(clock));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("order_id,").contains(current).contains("PAID").contains("PENDING");
	}

	@Test
	void anotherPartnerSeesNoneOfIt() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		Vendor found = catalog.vendor(vendor.slug());
		String orderId = "mine-" + UUID.randomUUID();
		order(found, partner, orderId, LocalDate.now(clock), "100.00");
		browser.logIn(other.email(), Fixtures.PASSWORD);
		browser.go("/panel/programs/" + vendor.slug() + "/dashboard");
		assertThat(browser.text("#kpi-orders")).isEqualTo("0");
		assertThat(browser.text("#transactions-empty")).contains("No orders");
		assertThat(browser.pageSource()).doesNotContain(orderId);
	}

	@Test
	void managerFindsAPartnerEditsTheMinimumPayoutAndClosesAMonthThroughTheConfirmation() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		newPartner(vendor);
		Vendor found = catalog.vendor(vendor.slug());
		YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
		order(found, partner, "m-" + UUID.randomUUID(), lastMonth.atDay(10), "4000.00");
		String email = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
		Account manager = accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Mia Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(manager.id(), found.id().value());
		String name = partners.find(PartnerId.of(partner.id())).orElseThrow().name();

		browser.logIn(email, Fixtures.PASSWORD);
		browser.go("/console").clickAndWait("#partners-" + vendor.slug());
		assertThat(browser.text("#directory-count")).contains("2");
		browser.type("#directory-q", name);
		browser.clickAndWait("#directory-apply");
		assertThat(browser.text("#directory-count")).contains("1");
		assertThat(browser.text("#directory")).contains(name).contains("Affiliate").doesNotContain(partner.id());
		browser.clickAndWait("#directory tbody a");
		assertThat(browser.text("#partner-name")).isEqualTo(name);
		assertThat(browser.text("#months")).contains("4,000.00").contains("A3");
		assertThat(browser.text("#audit")).contains("Joined the program and accepted its terms");
		assertThat(browser.pageSource()).doesNotContain(partner.id());
		screenshot("partner-en");
		browser.go(browser.currentUrl() + "?lang=ru");
		assertThat(browser.text("#profile h2")).isEqualTo("Профиль");
		screenshot("partner-ru");
		browser.go("/console?lang=en");

		// program settings: a bad value is refused and names the field's problem, a good one is saved
		browser.clickAndWait("#settings-" + vendor.slug());
		browser.type("#minPayout", "-5");
		browser.clickAndWait("#program-save");
		assertThat(browser.text("#minPayout-error")).isEqualTo("must not be negative");
		assertThat(catalog.program(found).minPayout()).isEqualByComparingTo("50");
		browser.type("#minPayout", "75");
		browser.clickAndWait("#program-save");
		assertThat(browser.text("#saved")).contains("saved");
		assertThat(catalog.program(found).minPayout()).isEqualByComparingTo("75");
		assertThat(browser.find("#minPayout").getAttribute("value")).isEqualTo("75");

		// the processor secret, and a test order signed with it through the real order intake
		browser.click("#secret-details summary");
		assertThat(browser.text("#processor-secret")).isEqualTo(catalog.processorSecret(found.id()));
		browser.type("#test-partner", partner.code());
		browser.clickAndWait("#test-order-send");
		assertThat(browser.text("#test-order-result")).contains("accepted by the order intake (HTTP 201)");
		assertThat(orders.orders(found, new com.partnerline.orders.OrderQuery(null, null, PartnerId.of(partner.id()),
				null, "test-", "occurredAt", true, 0, 10)).rows()).hasSize(1);

		// closing a month: first the totals, then the irreversible step
		browser.go("/console/vendors/" + vendor.slug() + "/commissions");
		browser.setValue("#close-month", lastMonth.toString());
		browser.clickAndWait("#close-review");
		assertThat(browser.text("#confirm-partners")).isEqualTo("1");
		assertThat(browser.text("#confirm-volume")).contains("4,000.00");
		assertThat(browser.text("#confirm-commission")).contains("1,000.00");
		assertThat(commissions.isClosed(found.id(), lastMonth)).isFalse();
		browser.clickAndWait("#confirm-close");
		assertThat(browser.currentUrl()).contains("/commissions");
		assertThat(commissions.isClosed(found.id(), lastMonth)).isTrue();
		assertThat(browser.text("#statements-section")).contains("1,000.00");
	}

	@Test
	void panelHomeSwitchesProgramsAndTheTrackingPageTakesThePeriodPicker() {
		TestVendor vendor = newVendor();
		TestVendor second = newVendor();
		TestPartner partner = newPartner(vendor);
		Api.Response joined = partner.api()
			.post("/api/v1/partner/programs", map("vendor", second.slug(), "acceptTermsVersion", "1.0"));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		Vendor found = catalog.vendor(vendor.slug());
		YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
		order(found, partner, "tracked-" + UUID.randomUUID(), lastMonth.atDay(10), "400.00");

		// the home is the dashboard of the first program, with a switcher to the other
		browser.logIn(partner.email(), Fixtures.PASSWORD);
		browser.go("/panel?lang=en");
		assertThat(browser.currentUrl()).contains("/dashboard");
		assertThat(browser.text("#program-switcher")).contains(found.name())
			.contains(catalog.vendor(second.slug()).name());
		String other = browser.currentUrl().contains("/" + vendor.slug() + "/") ? second.slug() : vendor.slug();
		browser.clickAndWait("#switch-" + other);
		assertThat(browser.currentUrl()).endsWith("/panel/programs/" + other + "/dashboard");

		// the tracking page: the last 30 days unless a preset or a custom period is picked
		browser.go("/panel/programs/" + vendor.slug() + "/tracking");
		LocalDate today = LocalDate.now(clock.withZone(found.timeZone()));
		assertThat(browser.find("#range-from").getAttribute("value")).isEqualTo(today.minusDays(29).toString());
		assertThat(browser.find("#preset-30d").getAttribute("aria-current")).isEqualTo("true");
		browser.clickAndWait("#preset-lastMonth");
		assertThat(browser.find("#range-from").getAttribute("value")).isEqualTo(lastMonth.atDay(1).toString());
		assertThat(browser.text("#sub-ids")).contains("400.00");
		browser.clickAndWait("#preset-today");
		assertThat(browser.driver().findElements(org.openqa.selenium.By.id("sub-ids"))).isEmpty();
		browser.setValue("#range-from", lastMonth.atDay(1).toString());
		browser.setValue("#range-to", lastMonth.atEndOfMonth().toString());
		browser.clickAndWait("#range-apply");
		assertThat(browser.text("#sub-ids")).contains("400.00");
		// an end before the start: the page says so and shows the default period
		browser.go("/panel/programs/" + vendor.slug() + "/tracking?from=" + lastMonth.atEndOfMonth() + "&to="
				+ lastMonth.atDay(1));
		assertThat(browser.text("#range-errors")).contains("must not be before its start");
	}

	private void order(Vendor vendor, TestPartner partner, String orderId, LocalDate day, String amount) {
		orders.record(vendor, new NewOrder(orderId, OffsetDateTime.of(day.atTime(0, 30), ZoneOffset.UTC).plusMinutes(1),
				Currency.getInstance("USD"), "customer@example.net", "DE",
				List.of(new OrderItem("PROD", 1, new BigDecimal(amount))), PartnerId.of(partner.id()),
				Attribution.PARTNER, null, false, orderId));
	}

	private java.net.http.HttpResponse<String> csv(TestPartner partner, String path) throws Exception {
		// the panel is a page area: the browser's session cookie goes along
		String cookies = browser.driver().manage().getCookies().stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(java.util.stream.Collectors.joining("; "));
		java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
			.header("Cookie", cookies)
			.GET()
			.build();
		return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	private void screenshot(String name) throws IOException {
		Path folder = Path.of("target", "screenshots");
		Files.createDirectories(folder);
		byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
		Files.write(folder.resolve(name + ".png"), png);
	}

}
