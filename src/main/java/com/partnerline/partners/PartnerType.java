package com.partnerline.partners;

/** A partner's type in one vendor's program (see docs/commission-policy.md). */
public enum PartnerType {

	AFFILIATE, INTERNET

}
