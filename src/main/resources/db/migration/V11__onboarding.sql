-- Onboarding: confirmation and password-reset tokens, login throttling, Internet
-- Partner proposals and individual contracts.

-- Single-use mail tokens, stored as SHA-256 hashes (the clear token is only in the mail).
CREATE TABLE email_tokens (
	token_hash BYTEA PRIMARY KEY,
	account_id UUID NOT NULL REFERENCES accounts (id),
	purpose VARCHAR(16) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX email_tokens_account_idx ON email_tokens (account_id, purpose);

-- Failed log-ons, per email and per client address, counted over a sliding window.
-- In the database so that every node sees the same count.
CREATE TABLE login_failures (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email VARCHAR(254) NOT NULL,
	client_address VARCHAR(64) NOT NULL,
	failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
CREATE INDEX login_failures_address_idx ON login_failures (client_address, failed_at);

-- Internet Partner proposals; the three plans are kept as submitted (JSON), the
-- commitment also as a column to sort the review queue by.
CREATE TABLE proposals (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	partner_id UUID NOT NULL REFERENCES partners (id),
	status VARCHAR(20) NOT NULL,
	company_profile JSONB NOT NULL,
	sales_plan JSONB NOT NULL,
	marketing_plan JSONB NOT NULL,
	monthly_commitment NUMERIC(19, 4) NOT NULL,
	vendor_comment TEXT,
	submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	decided_at TIMESTAMP WITH TIME ZONE,
	decided_by VARCHAR(254)
);
CREATE INDEX proposals_vendor_idx ON proposals (vendor_id, status, submitted_at);
CREATE INDEX proposals_partner_idx ON proposals (partner_id, vendor_id);
-- At most one open proposal per partner and vendor.
CREATE UNIQUE INDEX proposals_open_uq ON proposals (vendor_id, partner_id)
	WHERE status IN ('SUBMITTED', 'CHANGES_REQUESTED');

-- Individual contracts. commission_rate NULL means "the rate of the monthly band".
CREATE TABLE contracts (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	partner_id UUID NOT NULL REFERENCES partners (id),
	proposal_id UUID NOT NULL REFERENCES proposals (id),
	commission_rate NUMERIC(7, 4),
	cap_override BOOLEAN NOT NULL DEFAULT FALSE,
	order_processing VARCHAR(16) NOT NULL CHECK (order_processing IN ('NETWORK', 'SELF')),
	starts_on DATE NOT NULL,
	status VARCHAR(16) NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'SUPERSEDED', 'WITHDRAWN')),
	offered_at TIMESTAMP WITH TIME ZONE NOT NULL,
	accepted_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX contracts_partner_idx ON contracts (vendor_id, partner_id, status);
-- At most one contract in force per partner and vendor.
CREATE UNIQUE INDEX contracts_accepted_uq ON contracts (vendor_id, partner_id) WHERE status = 'ACCEPTED';
