-- Partners and their memberships in vendors' programs.

CREATE TABLE partners (
	id UUID PRIMARY KEY REFERENCES accounts (id),
	code VARCHAR(32) NOT NULL UNIQUE,
	name VARCHAR(200) NOT NULL,
	company VARCHAR(200),
	country CHAR(2) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE program_memberships (
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL REFERENCES partners (id),
	type VARCHAR(16) NOT NULL,
	status VARCHAR(16) NOT NULL,
	terms_version VARCHAR(32) NOT NULL,
	joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, partner_id)
);
CREATE INDEX program_memberships_partner_idx ON program_memberships (partner_id);

-- Every acceptance of terms: the platform's (vendor_id null) or a program's.
CREATE TABLE terms_acceptances (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id UUID NOT NULL REFERENCES accounts (id),
	vendor_id BIGINT,
	version VARCHAR(32) NOT NULL,
	accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	client_address VARCHAR(64)
);
CREATE INDEX terms_acceptances_account_idx ON terms_acceptances (account_id);

-- What was decided and by whom: acceptances, decisions, contracts and overrides.
CREATE TABLE audit_log (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	actor VARCHAR(100) NOT NULL,
	vendor_id BIGINT,
	action VARCHAR(64) NOT NULL,
	subject VARCHAR(100),
	details TEXT
);
CREATE INDEX audit_log_vendor_idx ON audit_log (vendor_id, occurred_at);
