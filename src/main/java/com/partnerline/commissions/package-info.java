/**
 * Commissions: monthly bands and rates, month close with frozen statements,
 * adjustments for late refunds, minimum payout and carry-forward, payout batches.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commissions")
@org.jspecify.annotations.NullMarked
package com.partnerline.commissions;
