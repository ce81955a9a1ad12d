-- Orders and refunds from order processors and from SELF-processing Internet
-- Partners' sales reports. The vendor id leads every key so that the tables can be
-- partitioned (by period) and distributed (by vendor) later without new keys.

CREATE TABLE orders (
	vendor_id BIGINT NOT NULL,
	order_id VARCHAR(128) NOT NULL,
	partner_id UUID,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	-- first day of the calendar month of occurred_at in the vendor's time zone
	period DATE NOT NULL,
	-- original currency and amount (net, after discounts, before tax)
	currency CHAR(3) NOT NULL,
	original_amount NUMERIC(19, 4) NOT NULL,
	-- program currency per unit of the original currency, as in force on the order's date
	rate NUMERIC(19, 8) NOT NULL,
	-- converted net amount in the program currency, not rounded to cents
	amount NUMERIC(19, 6) NOT NULL,
	customer_email VARCHAR(320),
	customer_name VARCHAR(200),
	customer_country VARCHAR(2),
	attribution VARCHAR(16) NOT NULL,
	click_id VARCHAR(64),
	self_referral BOOLEAN NOT NULL DEFAULT FALSE,
	source VARCHAR(16) NOT NULL CHECK (source IN ('NETWORK', 'REPORT')),
	report_id BIGINT,
	content_hash VARCHAR(64) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, order_id)
);
-- Monthly volumes read only this index (index-only scan with the included columns).
CREATE INDEX orders_period_idx ON orders (vendor_id, period, partner_id) INCLUDE (amount, self_referral);
CREATE INDEX orders_occurred_idx ON orders (vendor_id, occurred_at);
CREATE INDEX orders_partner_idx ON orders (vendor_id, partner_id, occurred_at);

CREATE TABLE order_items (
	vendor_id BIGINT NOT NULL,
	order_id VARCHAR(128) NOT NULL,
	line INT NOT NULL,
	sku VARCHAR(64) NOT NULL,
	quantity INT NOT NULL CHECK (quantity > 0),
	unit_price NUMERIC(19, 4) NOT NULL,
	PRIMARY KEY (vendor_id, order_id, line),
	FOREIGN KEY (vendor_id, order_id) REFERENCES orders (vendor_id, order_id) ON DELETE CASCADE
);

CREATE TABLE refunds (
	vendor_id BIGINT NOT NULL,
	refund_id VARCHAR(128) NOT NULL,
	order_id VARCHAR(128) NOT NULL,
	-- in the order's original currency
	amount NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
	-- in the program currency, at the order's rate, not rounded to cents
	amount_converted NUMERIC(19, 6) NOT NULL,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	-- first day of the month the refund is booked in (vendor's time zone)
	period DATE NOT NULL,
	content_hash VARCHAR(64) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, refund_id),
	FOREIGN KEY (vendor_id, order_id) REFERENCES orders (vendor_id, order_id)
);
CREATE INDEX refunds_period_idx ON refunds (vendor_id, period);
CREATE INDEX refunds_order_idx ON refunds (vendor_id, order_id);
