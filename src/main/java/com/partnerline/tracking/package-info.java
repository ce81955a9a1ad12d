/**
 * Tracking: partners' links and deep links, the redirect at {@code /r/{code}} with its
 * click recording (committed in groups by {@link com.partnerline.tracking.ClickWriter}),
 * coupons, and the attribution of an order to a partner (named partner, click id,
 * link code, coupon, cookie; last click within the cookie window).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracking")
@org.jspecify.annotations.NullMarked
package com.partnerline.tracking;
