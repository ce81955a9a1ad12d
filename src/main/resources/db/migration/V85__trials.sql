-- Trial licences (issue 22, ADR 0023).

-- Each vendor's Ed25519 key pair, made once: X.509 SubjectPublicKeyInfo and PKCS#8 DER.
CREATE TABLE trial_signing_keys (
	vendor_id BIGINT PRIMARY KEY REFERENCES vendors (id),
	public_key BYTEA NOT NULL,
	private_key BYTEA NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One trial per email (lower case) and product of a vendor; the licence key is the
-- signed one handed out. partner_id: the partner whose link started the trial.
CREATE TABLE trials (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	sku VARCHAR(64) NOT NULL,
	email VARCHAR(320) NOT NULL,
	locale VARCHAR(35) NOT NULL,
	partner_id UUID,
	click_id VARCHAR(64),
	started_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	convert_until TIMESTAMP WITH TIME ZONE NOT NULL,
	license_key VARCHAR(600) NOT NULL,
	reminded_at TIMESTAMP WITH TIME ZONE,
	expired_at TIMESTAMP WITH TIME ZONE,
	UNIQUE (vendor_id, sku, email)
);
-- A purchase asks for the customer's open trials; the job for due reminders and expiries;
-- the dashboards per partner and month.
CREATE INDEX trials_customer ON trials (vendor_id, email, started_at);
CREATE INDEX trials_due ON trials (expires_at) WHERE expired_at IS NULL;
CREATE INDEX trials_partner ON trials (vendor_id, partner_id, started_at) WHERE partner_id IS NOT NULL;
CREATE INDEX trials_started ON trials (vendor_id, started_at);

-- A trial's conversion: the first purchase of its product by the same customer within
-- the conversion window. Written once, never changed.
CREATE TABLE trial_conversions (
	trial_id UUID PRIMARY KEY REFERENCES trials (id),
	vendor_id BIGINT NOT NULL,
	partner_id UUID,
	order_id VARCHAR(128) NOT NULL,
	converted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
