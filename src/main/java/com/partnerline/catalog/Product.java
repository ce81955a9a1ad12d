package com.partnerline.catalog;

import com.partnerline.kernel.Money;
import com.partnerline.kernel.VendorId;

/** A product a vendor sells through its partners, with its list price and trial length. */
public record Product(VendorId vendorId, String sku, String name, Money price, int trialDays) {
}
