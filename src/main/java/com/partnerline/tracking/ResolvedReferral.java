package com.partnerline.tracking;

import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

/** The partner an order is attributed to, how, and through which click (if any). */
public record ResolvedReferral(@Nullable PartnerId partnerId, ReferralSource source, @Nullable String clickId) {

	public static final ResolvedReferral NONE = new ResolvedReferral(null, ReferralSource.NONE, null);

}
