package com.partnerline.communication;

/** What a support ticket is about, so that the queue can be filtered by it. */
enum TicketCategory {

	COMMISSIONS, TRACKING, TECHNICAL, MARKETING, OTHER

}
