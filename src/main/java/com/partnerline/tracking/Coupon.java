package com.partnerline.tracking;

import java.time.Instant;

import com.partnerline.kernel.PartnerId;

/** A coupon code a vendor assigned to a partner; orders naming it are the partner's. */
public record Coupon(String code, PartnerId partnerId, Instant updatedAt) {
}
