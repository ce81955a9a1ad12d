package com.partnerline.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types an endpoint can subscribe to (docs/api.md, Platform); {@code partner} marks those a partner's postback may receive. */
enum WebhookEvent {

	PARTNER_JOINED("partner.joined", true), PROPOSAL_DECIDED("proposal.decided", true),
	CONTRACT_ACCEPTED("contract.accepted", true), ORDER_ATTRIBUTED("order.attributed", true),
	ORDER_HELD("order.held", true), ORDER_RELEASED("order.released", true), REFUND_RECORDED("refund.recorded", true),
	STATEMENT_CLOSED("statement.closed", false), PAYOUT_BATCH_CREATED("payout.batch.created", false),
	PAYOUT_BATCH_PAID("payout.batch.paid", false), TICKET_CREATED("ticket.created", true);

	private final String type;

	private final boolean partner;

	WebhookEvent(String type, boolean partner) {
		this.type = type;
		this.partner = partner;
	}

	String type() {
		return type;
	}

	boolean forPartners() {
		return partner;
	}

	static Optional<WebhookEvent> of(String type) {
		return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
	}

	static List<String> types(boolean partner) {
		return Arrays.stream(values()).filter(e -> !partner || e.partner).map(WebhookEvent::type).toList();
	}

}
