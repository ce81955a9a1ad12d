package com.partnerline.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.Browser;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: an Internet Partner uploads a CSV sales report, sees the
 * preview with its bad line marked, corrects the line in place and submits; the
 * vendor then sees the sales in its console.
 */
class SalesReportBrowserIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	AccountManagement accounts;

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
	void uploadsACsvSeesTheBadLineMarkedFixesItAndSubmits() throws IOException {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		ReportingFixtures.internet(jdbc, partners, catalog, vendor, partner, "SELF");
		YearMonth month = ReportingFixtures.thisMonth();
		Path csv = Files.createTempFile(Path.of("target"), "sales-", ".csv");
		Files.writeString(csv, ReportingFixtures.HEADER + "PROD,2,200.00,Müller GmbH,einkauf@mueller.example,DE\n"
				+ "NOPE,1,100.00,Bad Line Ltd,bad@example.com,FR\n" + "PROD,1,100.00,\"Smith, John\",john@example.com,GB\n",
				StandardCharsets.UTF_8);

		go("/login");
		type("#username", partner.email());
		type("#password", Fixtures.PASSWORD);
		find("#login-submit").click();
		waitUntil(() -> !browser.currentUrl().contains("/login"));

		go("/panel/programs");
		clickAndWait("#reports-" + vendor.slug());

		// the forecast form: volume, one product line
		new Select(find("#forecast-month")).selectByValue(month.plusMonths(1).toString());
		type("#anticipatedVolume", "5000");
		new Select(find("#forecast-form select[name=sku]")).selectByValue("PROD");
		type("#forecast-form input[name=quantity]", "50");
		clickAndWait("#forecast-submit");
		assertThat(find("#report-done").getText()).contains("forecast");
		assertThat(find("#forecast-history").getText()).contains("$5,000.00");

		new Select(find("#sales-month")).selectByValue(month.toString());
		find("#sales-file").sendKeys(csv.toAbsolutePath().toString());
		clickAndWait("#sales-preview");

		WebElement bad = find("#line-3");
		assertThat(bad.getAttribute("class")).contains("bad");
		assertThat(bad.getText()).contains("NOPE");
		assertThat(find("#line-2").getAttribute("class")).doesNotContain("bad");
		assertThat(find("#sku-3").getAttribute("class")).contains("bad");
		assertThat(find("#sales-bad").getText()).contains("1 line has problems");
		assertThat(storedReports(partner)).isZero();

		// submitting while a line is bad stores nothing and keeps the line marked
		clickAndWait("#submit-report");
		assertThat(find("#line-3").getAttribute("class")).contains("bad");
		assertThat(storedReports(partner)).isZero();

		type("#sku-3", "PROD");
		clickAndWait("#check-report");
		assertThat(find("#line-3").getAttribute("class")).doesNotContain("bad");
		assertThat(find("#sales-good").getText()).contains("3 lines");
		clickAndWait("#submit-report");

		assertThat(find("#report-done").getText()).contains("3 lines").contains("$400.00");
		assertThat(find("#sales-history").getText()).contains("$400.00");
		assertThat(storedReports(partner)).isEqualTo(1);
		List<String> clients = jdbc.sql("""
				SELECT l.client_name FROM sales_report_lines l JOIN sales_reports r ON r.id = l.report_id
				WHERE r.partner_id = ? ORDER BY l.line""").param(UUID.fromString(partner.id())).query(String.class).list();
		assertThat(clients).containsExactly("Müller GmbH", "Bad Line Ltd", "Smith, John");

		// typing a report in starts from blank rows of the same form
		go("/panel/reports/" + vendor.slug() + "/sales/new?month=" + month);
		assertThat(browser.driver().findElements(By.cssSelector("#sales-form input[name=sku]"))).hasSize(5);

		// the vendor's manager sees the partner's sales in the console, with charts and CSV export
		String manager = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		var account = accounts.open(new NewAccount(manager, Fixtures.PASSWORD, "Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(account.id(), catalog.vendor(vendor.slug()).id().value());
		browser.driver().manage().deleteAllCookies();
		go("/login");
		type("#username", manager);
		type("#password", Fixtures.PASSWORD);
		find("#login-submit").click();
		waitUntil(() -> !browser.currentUrl().contains("/login"));
		clickAndWait("#reports-" + vendor.slug());
		assertThat(find("#sales").getText()).contains("PROD").contains("$400.00");
		assertThat(find("#fva").getText()).contains("$400.00");
		waitUntil(() -> "true".equals(find("#sales-chart").getAttribute("data-chart-ready")));
		assertThat(find("a[href*='/export/sales.csv']").getAttribute("href")).contains(vendor.slug());
		go("/console/reports/kaspersky");
		assertThat(find("main").getText()).contains("no page at this address");
	}

	private long storedReports(TestPartner partner) {
		return jdbc.sql("SELECT count(*) FROM sales_reports WHERE partner_id = ?")
			.param(UUID.fromString(partner.id()))
			.query(Long.class)
			.single();
	}

	private void go(String path) {
		browser.go(path);
	}

	private WebElement find(String css) {
		return browser.find(css);
	}

	private void clickAndWait(String css) {
		browser.clickAndWait(css);
	}

	private void type(String css, String text) {
		browser.type(css, text);
	}

	private void waitUntil(java.util.function.BooleanSupplier condition) {
		browser.waitFor(d -> condition.getAsBoolean() ? Boolean.TRUE : null);
	}

}
