-- Self-billed invoices (issue 25, ADR 0026).

-- The legal identity of a partner (the supplier of its invoices) and of a vendor (their
-- customer and issuer). VAT ids are normalised, with their country prefix.
CREATE TABLE partner_legal_details (
	partner_id UUID PRIMARY KEY,
	legal_name VARCHAR(200) NOT NULL,
	address VARCHAR(500) NOT NULL,
	country CHAR(2) NOT NULL,
	vat_id VARCHAR(200),
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE vendor_legal_details (
	vendor_id BIGINT PRIMARY KEY,
	legal_name VARCHAR(200) NOT NULL,
	address VARCHAR(500) NOT NULL,
	country CHAR(2) NOT NULL,
	vat_id VARCHAR(200),
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_by VARCHAR(254) NOT NULL
);

-- A partner's agreement that the vendor issues invoices on its behalf: who agreed, when,
-- to which version of the self-billing terms, and the Internet Partner contract in force
-- then (NULL for an affiliate). Never updated; a new version is a new row.
CREATE TABLE self_billing_agreements (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL,
	contract_id UUID,
	terms_version VARCHAR(20) NOT NULL,
	agreed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	agreed_by UUID NOT NULL,
	UNIQUE (vendor_id, partner_id, terms_version)
);

-- Standard VAT rates of the member states by ISO country code (Greece is GR here, EL in VAT ids).
CREATE TABLE vat_rates (
	country CHAR(2) PRIMARY KEY,
	rate NUMERIC(6, 4) NOT NULL CHECK (rate >= 0 AND rate < 1)
);
INSERT INTO vat_rates (country, rate) VALUES
	('AT', 0.20), ('BE', 0.21), ('BG', 0.20), ('HR', 0.25), ('CY', 0.19), ('CZ', 0.21), ('DK', 0.25),
	('EE', 0.24), ('FI', 0.255), ('FR', 0.20), ('DE', 0.19), ('GR', 0.24), ('HU', 0.27), ('IE', 0.23),
	('IT', 0.22), ('LV', 0.21), ('LT', 0.21), ('LU', 0.17), ('MT', 0.18), ('NL', 0.21), ('PL', 0.23),
	('PT', 0.23), ('RO', 0.21), ('SK', 0.23), ('SI', 0.22), ('ES', 0.21), ('SE', 0.25);

-- The last invoice number of each vendor. Taken with UPDATE ... RETURNING inside the close's
-- transaction: the row stays locked until the close commits (two closes of different months
-- queue here), and a close that rolls back gives its numbers back.
CREATE TABLE invoice_counters (
	vendor_id BIGINT PRIMARY KEY,
	last_number BIGINT NOT NULL
);

-- An invoice is written once, at the close, with both parties as they were then; its amounts
-- are never changed (an erasure replaces only the supplier's personal data by a pseudonym).
CREATE TABLE invoices (
	vendor_id BIGINT NOT NULL,
	number BIGINT NOT NULL,
	statement_id BIGINT NOT NULL UNIQUE,
	partner_id UUID NOT NULL,
	month DATE NOT NULL,
	issued_on DATE NOT NULL,
	payout_month DATE NOT NULL,
	supplier_name VARCHAR(200) NOT NULL,
	supplier_address VARCHAR(500) NOT NULL,
	supplier_country CHAR(2) NOT NULL,
	supplier_vat_id VARCHAR(200),
	customer_name VARCHAR(200) NOT NULL,
	customer_address VARCHAR(500) NOT NULL,
	customer_country CHAR(2) NOT NULL,
	customer_vat_id VARCHAR(200),
	currency CHAR(3) NOT NULL,
	net NUMERIC(19, 4) NOT NULL,
	treatment VARCHAR(16) NOT NULL,
	vat_rate NUMERIC(6, 4),
	vat NUMERIC(19, 4) NOT NULL,
	gross NUMERIC(19, 4) NOT NULL,
	agreement_id BIGINT NOT NULL REFERENCES self_billing_agreements (id),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, number)
);
CREATE INDEX invoices_partner_idx ON invoices (partner_id, vendor_id, number DESC);

CREATE TABLE invoice_lines (
	vendor_id BIGINT NOT NULL,
	number BIGINT NOT NULL,
	position INT NOT NULL,
	kind VARCHAR(20) NOT NULL,
	amount NUMERIC(19, 4) NOT NULL,
	PRIMARY KEY (vendor_id, number, position),
	FOREIGN KEY (vendor_id, number) REFERENCES invoices (vendor_id, number)
);
