-- Vendors (the tenants), their partner programs, products and exchange rates.

CREATE TABLE vendors (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug VARCHAR(64) NOT NULL UNIQUE,
	name VARCHAR(200) NOT NULL,
	time_zone VARCHAR(64) NOT NULL,
	currency CHAR(3) NOT NULL,
	allowed_domains TEXT[] NOT NULL DEFAULT '{}',
	processor_secret VARCHAR(128) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE programs (
	vendor_id BIGINT PRIMARY KEY REFERENCES vendors (id),
	status VARCHAR(16) NOT NULL,
	affiliate_cap NUMERIC(7, 4) NOT NULL,
	internet_cap NUMERIC(7, 4) NOT NULL,
	cookie_days INT NOT NULL,
	min_payout NUMERIC(19, 4) NOT NULL,
	trial_conversion_days INT NOT NULL,
	terms_version VARCHAR(32) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bands of monthly volume; the lower bound is inclusive. Internet-only bands are
-- those an affiliate can reach but is not paid: it gets the affiliate cap instead.
CREATE TABLE program_bands (
	vendor_id BIGINT NOT NULL REFERENCES programs (vendor_id),
	name VARCHAR(16) NOT NULL,
	lower_bound NUMERIC(19, 4) NOT NULL,
	rate NUMERIC(7, 4) NOT NULL,
	internet_only BOOLEAN NOT NULL,
	PRIMARY KEY (vendor_id, name),
	UNIQUE (vendor_id, lower_bound)
);

-- Every version of a program's terms is kept: acceptances refer to one.
CREATE TABLE program_terms (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	version VARCHAR(32) NOT NULL,
	text TEXT NOT NULL,
	published_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, version)
);

CREATE TABLE products (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	sku VARCHAR(64) NOT NULL,
	name VARCHAR(200) NOT NULL,
	price NUMERIC(19, 4) NOT NULL,
	currency CHAR(3) NOT NULL,
	trial_days INT NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, sku)
);

-- Rate to convert one unit of `currency` into the program currency, in force from
-- `valid_from` (in the vendor's time zone) until the next entry.
CREATE TABLE exchange_rates (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	currency CHAR(3) NOT NULL,
	valid_from DATE NOT NULL,
	rate NUMERIC(19, 8) NOT NULL CHECK (rate > 0),
	PRIMARY KEY (vendor_id, currency, valid_from)
);
