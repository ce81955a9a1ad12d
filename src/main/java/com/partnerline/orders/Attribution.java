package com.partnerline.orders;

/** How an order found its partner, in the precedence of docs/commission-policy.md. */
public enum Attribution {

	/** The processor named the partner (its affiliate id). */
	PARTNER,
	/** The order named a click id ({@code plc}). */
	CLICK,
	/** The order named a link code. */
	LINK,
	/** The order named a coupon the vendor assigned to a partner. */
	COUPON,
	/** The last counted click within the cookie window. */
	COOKIE,
	/** A trial started through the partner's link, converted within the conversion window. */
	TRIAL,
	/** Reported by a SELF-processing Internet Partner in its sales report. */
	REPORT,
	/** No partner. */
	NONE

}
