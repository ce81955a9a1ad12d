/**
 * Orders: signed, idempotent order and refund notifications from order processors,
 * multi-currency conversion at the vendor's recorded rates, orders reported by
 * SELF-processing Internet Partners, and the monthly volumes commissions are paid on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders")
@org.jspecify.annotations.NullMarked
package com.partnerline.orders;
