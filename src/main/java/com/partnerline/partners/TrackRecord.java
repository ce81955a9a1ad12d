package com.partnerline.partners;

import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * A partner's sales so far in one program, shown beside its proposal. The orders
 * module knows and provides it; partners only shows it, so the dependency points the
 * right way. Without a provider the console says that no sales are recorded.
 */
public interface TrackRecord {

	@Nullable Sales salesSoFar(VendorId vendorId, PartnerId partnerId);

	/** Net sales volume in the program currency and the number of orders. */
	record Sales(Money volume, long orders) {
	}

}
