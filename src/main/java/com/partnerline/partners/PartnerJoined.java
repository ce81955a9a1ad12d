package com.partnerline.partners;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/** Published in the transaction that made a partner a member of a vendor's program (not when it was one already). */
public record PartnerJoined(VendorId vendorId, PartnerId partnerId, String type) {
}
