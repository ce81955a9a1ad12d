package com.partnerline.orders;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/** Published when a manager decided a held order: {@code decision} APPROVE (it counts from now) or REJECT. */
public record OrderReleased(VendorId vendorId, String orderId, PartnerId partnerId, String decision, String reason) {
}
