-- Commissions: frozen monthly statements, their adjustment lines, payout batches and
-- the partners' payout details. Statements and their lines are written once, when a
-- month is closed, and never edited: a trigger refuses UPDATE and DELETE. The vendor
-- id leads every key (see docs/architecture.md).

CREATE TABLE statements (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL,
	-- first day of the closed month (vendor's time zone)
	month DATE NOT NULL,
	partner_type VARCHAR(16) NOT NULL,
	-- the month's volume, unrounded, in the program currency
	volume NUMERIC(21, 6) NOT NULL,
	band VARCHAR(16) NOT NULL,
	rate NUMERIC(9, 6) NOT NULL,
	commission NUMERIC(19, 4) NOT NULL,
	adjustments NUMERIC(19, 4) NOT NULL,
	brought_forward NUMERIC(19, 4) NOT NULL,
	payable NUMERIC(19, 4) NOT NULL,
	carried_forward NUMERIC(19, 4) NOT NULL,
	currency CHAR(3) NOT NULL,
	eligible_for_internet BOOLEAN NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT statements_month_partner_uq UNIQUE (vendor_id, month, partner_id)
);
CREATE INDEX statements_partner_idx ON statements (vendor_id, partner_id, month);

-- Adjustment lines: a refund booked in this statement's month on an order of an
-- earlier (closed) month, at that month's rate, rounded once.
CREATE TABLE statement_lines (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	statement_id BIGINT NOT NULL REFERENCES statements (id),
	kind VARCHAR(16) NOT NULL,
	refund_id VARCHAR(128) NOT NULL,
	order_id VARCHAR(128) NOT NULL,
	order_month DATE NOT NULL,
	-- the refund in the program currency, unrounded
	base_amount NUMERIC(21, 6) NOT NULL,
	rate NUMERIC(9, 6) NOT NULL,
	amount NUMERIC(19, 4) NOT NULL,
	CONSTRAINT statement_lines_refund_uq UNIQUE (vendor_id, refund_id)
);
CREATE INDEX statement_lines_statement_idx ON statement_lines (vendor_id, statement_id);

-- One payout batch per closed month of a vendor.
CREATE TABLE payout_batches (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	month DATE NOT NULL,
	currency CHAR(3) NOT NULL,
	status VARCHAR(16) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	paid_at TIMESTAMP WITH TIME ZONE,
	paid_by VARCHAR(100),
	CONSTRAINT payout_batches_month_uq UNIQUE (vendor_id, month)
);

-- What a batch pays each partner, with the payout details as they were at the close.
CREATE TABLE payout_items (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	batch_id BIGINT NOT NULL REFERENCES payout_batches (id),
	statement_id BIGINT NOT NULL REFERENCES statements (id),
	partner_id UUID NOT NULL,
	amount NUMERIC(19, 4) NOT NULL,
	method VARCHAR(16),
	account_holder VARCHAR(140),
	iban VARCHAR(34),
	bic VARCHAR(11),
	email VARCHAR(254),
	CONSTRAINT payout_items_statement_uq UNIQUE (vendor_id, statement_id)
);
CREATE INDEX payout_items_batch_idx ON payout_items (vendor_id, batch_id);

-- How a partner wants to be paid (one setting for all programs).
CREATE TABLE payout_details (
	partner_id UUID PRIMARY KEY,
	method VARCHAR(16) NOT NULL,
	account_holder VARCHAR(140),
	iban VARCHAR(34),
	bic VARCHAR(11),
	email VARCHAR(254),
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE FUNCTION commissions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'rows of % are frozen: booked amounts are never edited', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER statements_frozen BEFORE UPDATE OR DELETE ON statements
	FOR EACH ROW EXECUTE FUNCTION commissions_frozen();
CREATE TRIGGER statement_lines_frozen BEFORE UPDATE OR DELETE ON statement_lines
	FOR EACH ROW EXECUTE FUNCTION commissions_frozen();
CREATE TRIGGER payout_items_frozen BEFORE UPDATE OR DELETE ON payout_items
	FOR EACH ROW EXECUTE FUNCTION commissions_frozen();
