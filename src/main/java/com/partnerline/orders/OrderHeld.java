package com.partnerline.orders;

import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/** Published in the transaction that stored an order a risk rule held; {@code reason} is the rule's code. */
public record OrderHeld(VendorId vendorId, String orderId, PartnerId partnerId, Money amount, String reason) {
}
