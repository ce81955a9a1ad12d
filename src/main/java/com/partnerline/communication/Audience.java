package com.partnerline.communication;

import com.partnerline.partners.PartnerType;

/** Whom of a program's partners an announcement addresses. */
enum Audience {

	ALL, AFFILIATE, INTERNET;

	boolean includes(PartnerType type) {
		return this == ALL || name().equals(type.name());
	}

}
