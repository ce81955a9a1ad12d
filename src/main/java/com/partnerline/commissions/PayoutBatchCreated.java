package com.partnerline.commissions;

import java.time.YearMonth;

import com.partnerline.kernel.VendorId;

/** Published in the transaction of a month's close, with the payout batch that close made. */
public record PayoutBatchCreated(VendorId vendorId, YearMonth month, long batchId) {
}
