package com.partnerline.tracking;

/** How an order's partner was found; the names match the orders module's attribution. */
public enum ReferralSource {

	PARTNER, CLICK, LINK, COUPON, COOKIE, NONE

}
