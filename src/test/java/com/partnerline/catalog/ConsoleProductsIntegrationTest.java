package com.partnerline.catalog;

import java.net.http.HttpResponse;
import java.util.Map;

import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor manager adds products in the console: without trial days the trial lasts one
 * calendar month (shown as "1 month"), with them that many days; an unreadable number is named
 * beside its field and nothing is stored.
 */
class ConsoleProductsIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Test
	void productsWithAMonthOrDaysOfTrialAndAnUnreadableNumberRefused() throws Exception {
		TestVendor vendor = newVendor();
		PageSession session = PageSession.login(port, newManager(vendor), Fixtures.PASSWORD);
		String settings = "/console/vendors/" + vendor.slug() + "/settings";
		assertThat(session.get(settings).statusCode()).isEqualTo(200);

		HttpResponse<String> month = session.post(settings + "/products",
				Map.of("sku", "MONTHLY", "name", "Monthly Suite", "price", "59.90", "trialDays", ""));
		assertThat(month.statusCode()).isEqualTo(302);
		HttpResponse<String> days = session.post(settings + "/products",
				Map.of("sku", "WEEKLY", "name", "Weekly Suite", "price", "9.90", "trialDays", "14"));
		assertThat(days.statusCode()).isEqualTo(302);
		HttpResponse<String> unreadable = session.post(settings + "/products",
				Map.of("sku", "BROKEN", "name", "Broken", "price", "1.00", "trialDays", "two weeks"));
		assertThat(unreadable.statusCode()).isEqualTo(200);
		assertThat(unreadable.body()).contains("product-trial-hint");

		var vendorId = catalog.vendor(vendor.slug()).id();
		assertThat(catalog.findProduct(vendorId, "MONTHLY").orElseThrow().trialDays()).isNull();
		assertThat(catalog.findProduct(vendorId, "WEEKLY").orElseThrow().trialDays()).isEqualTo(14);
		assertThat(catalog.findProduct(vendorId, "BROKEN")).isEmpty();
		String page = session.get(settings).body();
		assertThat(page).contains("1 month").contains("14 days");
	}

}
