package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.TrackRecord;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The track record beside a proposal: commissionable sales so far, refunds deducted. */
class OrdersTrackRecordIntegrationTest extends IntegrationTest {

	@Autowired
	OrderManagement orders;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	TrackRecord trackRecord;

	@Test
	void sumsThePartnersNetSalesWithoutSelfReferralsOrOtherPartners() {
		Vendor vendor = catalog.vendor(newVendor().slug());
		TestPartner partner = newPartner(new com.partnerline.support.Fixtures.TestVendor(vendor.slug(), ""));
		TestPartner other = newPartner(new com.partnerline.support.Fixtures.TestVendor(vendor.slug(), ""));
		PartnerId id = PartnerId.of(partner.id());
		assertThat(trackRecord.salesSoFar(vendor.id(), id)).isNull();

		order(vendor, id, "tr-1", "300.00", false);
		order(vendor, id, "tr-2", "450.00", false);
		order(vendor, id, "tr-3", "99.99", true);
		order(vendor, PartnerId.of(other.id()), "tr-4", "1000.00", false);
		orders.refund(vendor, "tr-2", new NewRefund("tr-2-r", new BigDecimal("50.00"),
				OffsetDateTime.parse("2026-03-12T10:00:00Z"), OrderManagement.sha256("tr-2-r")));

		TrackRecord.Sales sales = trackRecord.salesSoFar(vendor.id(), id);
		assertThat(sales.orders()).isEqualTo(2);
		assertThat(sales.volume().amount()).isEqualByComparingTo("700.00");
		assertThat(sales.volume().currency()).isEqualTo(Currency.getInstance("USD"));
	}

	private void order(Vendor vendor, PartnerId partner, String orderId, String amount, boolean selfReferral) {
		orders.record(vendor, new NewOrder(orderId, OffsetDateTime.parse("2026-03-10T10:00:00Z"),
				Currency.getInstance("USD"), "buyer@example.net", "DE",
				List.of(new OrderItem("PROD", 1, new BigDecimal(amount))), partner, Attribution.PARTNER, null,
				selfReferral, OrderManagement.sha256(orderId + amount)));
	}

}
