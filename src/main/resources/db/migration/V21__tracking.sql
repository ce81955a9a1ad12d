-- Tracking links, clicks and coupons. Codes of links are one namespace (they appear
-- bare in /r/{code}); clicks and coupons carry the vendor id in their keys, so that
-- clicks can be partitioned by month and distributed by vendor later.

CREATE TABLE links (
	code VARCHAR(16) PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL,
	sku VARCHAR(64),
	target_url VARCHAR(2048) NOT NULL,
	sub_id VARCHAR(64),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX links_partner_idx ON links (vendor_id, partner_id, created_at);

CREATE TABLE clicks (
	vendor_id BIGINT NOT NULL,
	click_id VARCHAR(32) NOT NULL,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	link_code VARCHAR(16) NOT NULL,
	partner_id UUID NOT NULL,
	sub_id VARCHAR(64),
	-- keyed hash (HMAC-SHA256, truncated) of the client address; the address itself is never kept
	address_hash VARCHAR(32) NOT NULL,
	user_agent VARCHAR(512),
	referrer VARCHAR(1024),
	bot BOOLEAN NOT NULL,
	-- the first click of its address on its link in its hour, not a bot
	counted BOOLEAN NOT NULL,
	PRIMARY KEY (vendor_id, click_id)
);
CREATE INDEX clicks_partner_idx ON clicks (vendor_id, partner_id, occurred_at);

-- One row per (link, address, hour) that has a counted click: repeats find theirs here.
-- Rows older than two hours are pruned. Unlogged: it is a cache of the last hours, and
-- after a crash of the database the worst outcome is one more counted click per key.
CREATE UNLOGGED TABLE click_hours (
	vendor_id BIGINT NOT NULL,
	link_code VARCHAR(16) NOT NULL,
	address_hash VARCHAR(32) NOT NULL,
	hour TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, link_code, address_hash, hour)
);

CREATE TABLE coupons (
	vendor_id BIGINT NOT NULL,
	code VARCHAR(64) NOT NULL,
	partner_id UUID NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, code)
);

-- Secrets of the tracking module, made on first start and shared by every node.
CREATE TABLE tracking_keys (
	name VARCHAR(32) PRIMARY KEY,
	secret VARCHAR(128) NOT NULL
);
