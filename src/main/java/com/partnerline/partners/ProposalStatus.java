package com.partnerline.partners;

/** Where an Internet Partner proposal stands; CHANGES_REQUESTED goes back to SUBMITTED when the partner resubmits. */
public enum ProposalStatus {

	SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED;

	public boolean isOpen() {
		return this == SUBMITTED || this == CHANGES_REQUESTED;
	}

}
