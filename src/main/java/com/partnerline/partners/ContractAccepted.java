package com.partnerline.partners;

import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/** Published in the transaction in which a partner accepted its contract (it became an Internet Partner). */
public record ContractAccepted(VendorId vendorId, PartnerId partnerId, UUID contractId) {
}
