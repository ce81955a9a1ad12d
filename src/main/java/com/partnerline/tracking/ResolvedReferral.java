package com.partnerline.tracking;

import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * The partner an order is attributed to, how, through which click (if any), and the
 * sub-id of the partner's link or click it came through (if any).
 */
public record ResolvedReferral(@Nullable PartnerId partnerId, ReferralSource source, @Nullable String clickId,
		@Nullable String subId) {

	public static final ResolvedReferral NONE = new ResolvedReferral(null, ReferralSource.NONE, null, null);

}
