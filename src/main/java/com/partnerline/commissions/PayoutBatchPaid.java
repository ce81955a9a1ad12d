package com.partnerline.commissions;

import java.time.YearMonth;

import com.partnerline.kernel.VendorId;

/** Published when a vendor marked a payout batch paid (once: marking it again publishes nothing). */
public record PayoutBatchPaid(VendorId vendorId, YearMonth month, long batchId) {
}
