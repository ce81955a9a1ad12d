package com.partnerline.commissions;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.orders.Attribution;
import com.partnerline.orders.NewOrder;
import com.partnerline.orders.OrderItem;
import com.partnerline.orders.OrderManagement;
import com.partnerline.support.PageSession;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The control panel and vendor console pages of commissions, through a logged-on browser session. */
class CommissionPagesIntegrationTest extends IntegrationTest {

	@Autowired
	OrderManagement orders;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CommissionManagement commissions;

	@Test
	void partnerSeesProgressEligibilityStatementsAndEditsPayoutDetails() throws Exception {
		Fixtures.TestVendor testVendor = newVendor();
		Vendor vendor = catalog.vendor(testVendor.slug());
		TestPartner partner = newPartner(testVendor);
		order(vendor, partner, "pg-1", "2025-10-10T10:00:00Z", "8000.00");
		commissions.close(vendor, YearMonth.of(2025, 10));
		YearMonth current = commissions.currentMonth(vendor);
		order(vendor, partner, "pg-2", current.atDay(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC).toString(),
				"1760.00");

		PageSession session = PageSession.login(port, partner.email(), Fixtures.PASSWORD);
		HttpResponse<String> page = session.get("/panel/programs/" + vendor.slug() + "/commissions?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"eligible-banner\"")
			.contains("/panel/programs/" + vendor.slug() + "/proposal")
			.contains("$1,240.00 more this month reaches A3")
			.contains("2025");
		HttpResponse<String> statement = session.get("/panel/programs/" + vendor.slug() + "/statements/2025-10");
		assertThat(statement.statusCode()).isEqualTo(200);
		assertThat(statement.body()).contains("$2,000.00").contains("pg-1");
		HttpResponse<String> russian = session.get("/panel/programs/" + vendor.slug() + "/statements/2025-10?lang=ru");
		assertThat(russian.body()).contains("Выписка");
		HttpResponse<byte[]> pdf = session.client.send(session.request("/panel/programs/" + vendor.slug()
				+ "/statements/2025-10/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		session.get("/panel?lang=en");

		HttpResponse<String> form = session.get("/panel/payout-details");
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> bad = session.post("/panel/payout-details", Map.of("method", "BANK", "accountHolder",
				"Partner", "iban", "DE89370400440532013001", "bic", "COBADEFFXXX"), Map.of());
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"error-iban\"");
		HttpResponse<String> good = session.post("/panel/payout-details", Map.of("method", "BANK", "accountHolder",
				"Partner", "iban", "DE89370400440532013000", "bic", "COBADEFFXXX"), Map.of());
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(session.get("/panel/payout-details").body()).contains("DE89370400440532013000");
	}

	@Test
	void managerClosesAMonthFromTheConsoleAndDownloadsTheFiles() throws Exception {
		Vendor vendor = catalog.vendor("kaspersky");
		PageSession session = PageSession.login(port, "manager@kaspersky.example", "demo-manager-2026");
		HttpResponse<String> page = session.get("/console/vendors/kaspersky/commissions?month=2024-01&lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		// the page leads to a confirmation step with the totals; that step posts the close with htmx
		assertThat(page.body()).contains("Review the totals");
		HttpResponse<String> confirm = session.get("/console/vendors/kaspersky/commissions/close/confirm?month=2024-01&lang=en");
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("Close January 2024 now").contains("hx-post");
		HttpResponse<String> refused = session.post("/console/vendors/kaspersky/commissions/close",
				Map.of("month", "2099-01"), Map.of("HX-Request", "true"));
		assertThat(refused.body()).contains("alert error");
		HttpResponse<String> closed = session.post("/console/vendors/kaspersky/commissions/close",
				Map.of("month", "2024-01"), Map.of("HX-Request", "true"));
		assertThat(closed.statusCode()).isEqualTo(200);
		assertThat(closed.headers().firstValue("HX-Redirect")).contains("/console/vendors/kaspersky/commissions?month=2024-01");
		assertThat(commissions.isClosed(vendor.id(), YearMonth.of(2024, 1))).isTrue();
		HttpResponse<String> after = session.get("/console/vendors/kaspersky/commissions?month=2024-01&sort=payable&payable=true");
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.body()).contains("id=\"batch\"");
		long batch = commissions.payoutBatchId(vendor.id(), YearMonth.of(2024, 1)).orElseThrow();
		// without the vendor's own account there is no payment file, and the page says so
		assertThat(after.body()).contains("id=\"payout-account\"").contains("No payout account yet");
		HttpResponse<String> noAccount = session.get("/console/vendors/kaspersky/payouts/" + batch + "/file?format=xml");
		assertThat(noAccount.statusCode()).isEqualTo(303);
		assertThat(session.get(noAccount.headers().firstValue("Location").orElseThrow() + "&lang=en").body())
			.contains("id=\"file-error\"").contains("has no payout account yet");
		HttpResponse<String> badAccount = session.post("/console/vendors/kaspersky/payout-account",
				Map.of("accountHolder", "Kaspersky Payouts", "iban", "DE89370400440532013001", "bic", "COBADEFFXXX"),
				Map.of());
		assertThat(badAccount.statusCode()).isEqualTo(200);
		assertThat(badAccount.body()).contains("id=\"account-error-iban\"");
		HttpResponse<String> savedAccount = session.post("/console/vendors/kaspersky/payout-account",
				Map.of("accountHolder", "Kaspersky Payouts", "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX"),
				Map.of());
		assertThat(savedAccount.statusCode()).isEqualTo(302);
		assertThat(session.get("/console/vendors/kaspersky/commissions?month=2024-01&lang=en").body())
			.contains("DE89370400440532013000");
		// January 2024 has nothing payable: no payment file (a PmtInf without transfers is invalid)
		HttpResponse<String> xml = session.get("/console/vendors/kaspersky/payouts/" + batch + "/file?format=xml");
		assertThat(xml.statusCode()).isEqualTo(303);
		assertThat(session.get(xml.headers().firstValue("Location").orElseThrow() + "&lang=en").body())
			.contains("has no bank transfer, so there is no payment file");
		HttpResponse<String> csv = session.get("/console/vendors/kaspersky/commissions/2024-01/statements.csv");
		assertThat(csv.body()).startsWith("month,partner_id");
		// another vendor's console is not there for this manager
		assertThat(session.get("/console/vendors/" + newVendor().slug() + "/commissions").statusCode()).isEqualTo(404);
	}

	void order(Vendor vendor, TestPartner partner, String orderId, String at, String amount) {
		orders.record(vendor, new NewOrder(orderId, OffsetDateTime.parse(at), vendor.currency(), "buyer@example.net",
				"DE", List.of(new OrderItem("PROD", 1, new BigDecimal(amount))), PartnerId.of(partner.id()),
				Attribution.PARTNER, null, false, OrderManagement.sha256(orderId)));
	}

}
