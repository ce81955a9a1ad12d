-- Outbound webhooks (issue 25). An endpoint belongs to a vendor (partner_id NULL) or to
-- one partner of that vendor (a postback: only that partner's own events reach it).
CREATE TABLE webhook_endpoints (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	partner_id UUID,
	url VARCHAR(2000) NOT NULL,
	events TEXT[] NOT NULL,
	secret VARCHAR(100) NOT NULL,
	active BOOLEAN NOT NULL DEFAULT TRUE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_endpoints_vendor_idx ON webhook_endpoints (vendor_id) WHERE active;

-- The outbox and delivery log at once: a row is written in the transaction of the change
-- it reports, and its body is fixed then (id, type, occurredAt, data); the sender signs
-- it at each attempt. The id is the delivery's idempotency key for the receiver.
CREATE TABLE webhook_deliveries (
	id UUID PRIMARY KEY,
	endpoint_id UUID NOT NULL REFERENCES webhook_endpoints (id),
	vendor_id BIGINT NOT NULL,
	type VARCHAR(40) NOT NULL,
	body TEXT NOT NULL,
	status VARCHAR(16) NOT NULL,
	attempts INT NOT NULL DEFAULT 0,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	give_up_at TIMESTAMP WITH TIME ZONE NOT NULL,
	next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
	last_attempt_at TIMESTAMP WITH TIME ZONE,
	last_response INT,
	last_error TEXT,
	delivered_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (endpoint_id, created_at DESC);
