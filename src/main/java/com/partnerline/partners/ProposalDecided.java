package com.partnerline.partners;

import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/** Published in the transaction of a vendor's decision on a proposal; {@code status} is the proposal's new status. */
public record ProposalDecided(VendorId vendorId, PartnerId partnerId, UUID proposalId, String status) {
}
