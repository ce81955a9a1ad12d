package com.partnerline.partners;

import com.partnerline.kernel.PartnerId;

/**
 * Published in the transaction that erases a partner: every module that keeps personal data
 * about it replaces that data by the pseudonym, keeping amounts and references unchanged.
 */
public record PartnerErased(PartnerId partnerId, String pseudonym) {
}
