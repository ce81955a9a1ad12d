package com.partnerline.communication;

/**
 * Where a ticket stands. A manager's reply sets WAITING_FOR_PARTNER unless the
 * manager chooses otherwise; a partner's reply to a waiting or resolved ticket opens
 * it again; a CLOSED ticket takes no more messages.
 */
enum TicketStatus {

	OPEN, WAITING_FOR_PARTNER, RESOLVED, CLOSED;

	public boolean isActive() {
		return this == OPEN || this == WAITING_FOR_PARTNER;
	}

}
