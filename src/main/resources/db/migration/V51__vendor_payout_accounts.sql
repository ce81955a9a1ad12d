-- A vendor's own bank account, the debtor of its payment files (pain.001). Without it
-- no payment file is written.
CREATE TABLE vendor_payout_accounts (
	vendor_id BIGINT PRIMARY KEY REFERENCES vendors (id),
	account_holder VARCHAR(70) NOT NULL,
	iban VARCHAR(34) NOT NULL,
	bic VARCHAR(11) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_by VARCHAR(254) NOT NULL
);
