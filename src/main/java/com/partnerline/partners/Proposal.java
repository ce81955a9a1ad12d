package com.partnerline.partners;

import java.time.Instant;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/** A stored Internet Partner proposal. */
record Proposal(UUID id, VendorId vendorId, PartnerId partnerId, ProposalStatus status, ProposalForm form,
		@Nullable String vendorComment, Instant submittedAt, @Nullable Instant decidedAt, @Nullable String decidedBy) {
}
