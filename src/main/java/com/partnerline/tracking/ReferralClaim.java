package com.partnerline.tracking;

import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * What an order notification says about its referral.
 *
 * @param partnerId the processor's affiliate id
 * @param clickId the {@code plc} parameter the customer arrived with
 * @param linkCode a tracking link's code
 * @param coupon a coupon code the customer used
 * @param cookieClickId the click id of the {@code pl_ref} cookie, when the checkout forwarded it
 */
public record ReferralClaim(@Nullable PartnerId partnerId, @Nullable String clickId, @Nullable String linkCode,
		@Nullable String coupon, @Nullable String cookieClickId) {

	public static ReferralClaim none() {
		return new ReferralClaim(null, null, null, null, null);
	}

}
