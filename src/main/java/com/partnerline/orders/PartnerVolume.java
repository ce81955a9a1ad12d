package com.partnerline.orders;

import java.math.BigDecimal;

import com.partnerline.kernel.PartnerId;

/** A partner's volume in a month, in the program currency, unrounded (may be negative). */
public record PartnerVolume(PartnerId partnerId, BigDecimal volume) {
}
