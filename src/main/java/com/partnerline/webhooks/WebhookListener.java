package com.partnerline.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.partnerline.commissions.MonthClosed;
import com.partnerline.commissions.PayoutBatchCreated;
import com.partnerline.commissions.PayoutBatchPaid;
import com.partnerline.communication.TicketCreated;
import com.partnerline.orders.OrderHeld;
import com.partnerline.orders.OrderRecorded;
import com.partnerline.orders.OrderReleased;
import com.partnerline.orders.RefundRecorded;
import com.partnerline.partners.ContractAccepted;
import com.partnerline.partners.PartnerJoined;
import com.partnerline.partners.ProposalDecided;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears the other modules' events synchronously, in the transaction that published them
 * (a plain {@link EventListener}, not an after-commit one), so the deliveries are
 * committed or rolled back with the change they report.
 */
@Component
class WebhookListener {

	private final Webhooks webhooks;

	WebhookListener(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@EventListener
	void on(PartnerJoined event) {
		webhooks.enqueue(event.vendorId(), event.partnerId(), WebhookEvent.PARTNER_JOINED,
				data("partnerId", event.partnerId().toString(), "type", event.type()));
	}

	@EventListener
	void on(ProposalDecided event) {
		webhooks.enqueue(event.vendorId(), event.partnerId(), WebhookEvent.PROPOSAL_DECIDED, data("proposalId",
				event.proposalId().toString(), "partnerId", event.partnerId().toString(), "status", event.status()));
	}

	@EventListener
	void on(ContractAccepted event) {
		webhooks.enqueue(event.vendorId(), event.partnerId(), WebhookEvent.CONTRACT_ACCEPTED,
				data("contractId", event.contractId().toString(), "partnerId", event.partnerId().toString()));
	}

	@EventListener
	void on(OrderRecorded event) {
		if (event.partnerId() == null) {
			return;
		}
		webhooks.enqueue(event.vendorId(), event.partnerId(), WebhookEvent.ORDER_ATTRIBUTED,
				data("orderId", event.orderId(), "partnerId", event.partnerId().toString(), "month",
						event.period().toString(), "amount", event.amount().toDecimalString(), "currency",
						event.amount().currency().getCurrencyCode()));
	}

	@EventListener
	void on(OrderHeld event) {
		webhooks.enqueue(event.vendorId(), event.partnerId(), WebhookEvent.ORDER_HELD,
				data("orderId", event.orderId(), "partnerId", event.partnerId().toString(), "amount",
						event.amount().toDecimalString(), "currency", event.amount().currency().getCurrencyCode(),
						"reason", event.reason()));
	}

	@EventListener
	void on(OrderReleased event) {
		webhooks.enqueue(event.vendorId(), event.partnerId(), WebhookEvent.ORDER_RELEASED,
				data("orderId", event.orderId(), "partnerId", event.partnerId().toString(), "decision",
						event.decision(), "reason", event.reason()));
	}

	@EventListener
	void on(RefundRecorded event) {
		Map<String, Object> data = data("refundId", event.refundId(), "orderId", event.orderId(), "month",
				event.refundPeriod().toString(), "amount", event.amount().toDecimalString(), "currency",
				event.amount().currency().getCurrencyCode());
		if (event.partnerId() != null) {
			data.put("partnerId", event.partnerId().toString());
		}
		webhooks.enqueue(event.vendorId(), event.partnerId(), WebhookEvent.REFUND_RECORDED, data);
	}

	@EventListener
	void on(MonthClosed event) {
		webhooks.enqueue(event.vendorId(), null, WebhookEvent.STATEMENT_CLOSED, data("month", event.month().toString()));
	}

	@EventListener
	void on(PayoutBatchCreated event) {
		webhooks.enqueue(event.vendorId(), null, WebhookEvent.PAYOUT_BATCH_CREATED,
				data("batchId", String.valueOf(event.batchId()), "month", event.month().toString()));
	}

	@EventListener
	void on(PayoutBatchPaid event) {
		webhooks.enqueue(event.vendorId(), null, WebhookEvent.PAYOUT_BATCH_PAID,
				data("batchId", String.valueOf(event.batchId()), "month", event.month().toString()));
	}

	@EventListener
	void on(TicketCreated event) {
		webhooks.enqueue(event.vendorId(), event.partnerId(), WebhookEvent.TICKET_CREATED, data("ticketId",
				event.ticketId().toString(), "partnerId", event.partnerId().toString(), "category", event.category()));
	}

	private static Map<String, Object> data(String... keysAndValues) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			data.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return data;
	}

}
