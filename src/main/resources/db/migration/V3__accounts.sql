-- People who log on: platform admins, vendor managers and partners.

CREATE TABLE accounts (
	id UUID PRIMARY KEY,
	email VARCHAR(254) NOT NULL,
	password_hash VARCHAR(100) NOT NULL,
	display_name VARCHAR(200) NOT NULL,
	role VARCHAR(20) NOT NULL,
	status VARCHAR(20) NOT NULL,
	locale VARCHAR(8) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX accounts_email_uq ON accounts (lower(email));

-- Which vendors a vendor manager may see and act for.
CREATE TABLE vendor_managers (
	account_id UUID NOT NULL REFERENCES accounts (id),
	vendor_id BIGINT NOT NULL,
	PRIMARY KEY (account_id, vendor_id)
);

-- Bearer tokens, kept as SHA-256 hashes only. The admin token has no account.
CREATE TABLE api_tokens (
	token_hash BYTEA PRIMARY KEY,
	kind VARCHAR(16) NOT NULL,
	account_id UUID REFERENCES accounts (id),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);
