-- Holds and payout timing (issue 25, commission-policy.md "Holds and payout timing").
ALTER TABLE programs ADD COLUMN payout_delay_months INT NOT NULL DEFAULT 0,
	ADD COLUMN rule_same_address_or_domain BOOLEAN NOT NULL DEFAULT TRUE,
	ADD COLUMN rule_repeat_customer BOOLEAN NOT NULL DEFAULT TRUE,
	ADD COLUMN rule_refund_rate BOOLEAN NOT NULL DEFAULT TRUE;

-- An order counts from counted_at: when it arrived, or for a held order when a manager
-- released it (after its month's close that makes it a late order). Held and rejected
-- orders have none and count nowhere. The arrival time (created_at) is never changed.
ALTER TABLE orders ADD COLUMN customer_ip VARCHAR(45),
	ADD COLUMN counted_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN hold_status VARCHAR(16) CHECK (hold_status IN ('HELD', 'RELEASED', 'REJECTED')),
	ADD COLUMN hold_reason VARCHAR(32),
	ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN reviewed_by VARCHAR(320),
	ADD COLUMN review_reason VARCHAR(2000);
UPDATE orders SET counted_at = created_at;
CREATE INDEX orders_held_idx ON orders (vendor_id, created_at) WHERE hold_status = 'HELD';
CREATE INDEX orders_customer_ip_idx ON orders (vendor_id, partner_id, customer_ip, occurred_at) WHERE customer_ip IS NOT NULL;

-- Where partners logged on from (successful logons), for the sameAddressOrDomain rule.
CREATE TABLE logon_addresses (
	account_id UUID NOT NULL,
	address VARCHAR(45) NOT NULL,
	last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (account_id, address)
);
