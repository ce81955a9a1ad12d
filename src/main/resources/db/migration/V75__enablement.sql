-- Partner support (issue 19): the marketing material library (creatives with their
-- versions and bytes, text links, the tracking link each partner uses for each one,
-- impressions counted in groups), versioned policies with acknowledgements, content
-- pages, and training seminars with registrations and a waiting list.

CREATE TABLE creatives (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	kind VARCHAR(16) NOT NULL CHECK (kind IN ('BANNER', 'DOCUMENT')),
	name VARCHAR(200) NOT NULL,
	current_version INT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	UNIQUE (vendor_id, kind, name)
);

-- every upload is a new version; the bytes are kept with their SHA-256 and never changed
CREATE TABLE creative_versions (
	creative_id UUID NOT NULL REFERENCES creatives (id),
	version INT NOT NULL,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	content_type VARCHAR(100) NOT NULL,
	file_name VARCHAR(255) NOT NULL,
	bytes BYTEA NOT NULL,
	size BIGINT NOT NULL,
	sha256 CHAR(64) NOT NULL,
	width INT,
	height INT,
	target_url VARCHAR(2000),
	product VARCHAR(64),
	language VARCHAR(8),
	uploaded_at TIMESTAMPTZ NOT NULL,
	uploaded_by VARCHAR(320) NOT NULL,
	PRIMARY KEY (creative_id, version)
);

CREATE TABLE text_links (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	id VARCHAR(64) NOT NULL,
	text VARCHAR(500) NOT NULL,
	target_url VARCHAR(2000) NOT NULL,
	product VARCHAR(64),
	language VARCHAR(8),
	version INT NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (vendor_id, id)
);

-- the tracking link (tracking module's /r/{code}) a partner's copied code carries, one per item
CREATE TABLE material_links (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	partner_id UUID NOT NULL REFERENCES partners (id),
	item VARCHAR(80) NOT NULL,
	link_code VARCHAR(64) NOT NULL UNIQUE,
	PRIMARY KEY (vendor_id, partner_id, item)
);

-- impressions of hosted banners, added up per day in groups (never one write per impression)
CREATE TABLE creative_impressions (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	creative_id UUID NOT NULL REFERENCES creatives (id),
	partner_id UUID NOT NULL REFERENCES partners (id),
	day DATE NOT NULL,
	impressions BIGINT NOT NULL,
	PRIMARY KEY (vendor_id, creative_id, partner_id, day)
);

CREATE TABLE policies (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	kind VARCHAR(16) NOT NULL CHECK (kind IN ('PRICING', 'TRADEMARK', 'DOMAIN_NAMES', 'STYLE_GUIDE')),
	version INT NOT NULL,
	title VARCHAR(200) NOT NULL,
	body TEXT NOT NULL,
	published_at TIMESTAMPTZ NOT NULL,
	published_by VARCHAR(320) NOT NULL,
	PRIMARY KEY (vendor_id, kind, version)
);

CREATE TABLE policy_acknowledgements (
	vendor_id BIGINT NOT NULL,
	kind VARCHAR(16) NOT NULL,
	version INT NOT NULL,
	partner_id UUID NOT NULL REFERENCES partners (id),
	acknowledged_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (vendor_id, kind, version, partner_id),
	FOREIGN KEY (vendor_id, kind, version) REFERENCES policies (vendor_id, kind, version)
);

CREATE TABLE content_pages (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	slug VARCHAR(64) NOT NULL,
	title VARCHAR(200) NOT NULL,
	body TEXT NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	updated_by VARCHAR(320) NOT NULL,
	PRIMARY KEY (vendor_id, slug)
);

CREATE TABLE seminars (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	title VARCHAR(200) NOT NULL,
	starts_at TIMESTAMPTZ NOT NULL,
	duration_minutes INT NOT NULL CHECK (duration_minutes > 0),
	time_zone VARCHAR(64) NOT NULL,
	capacity INT NOT NULL CHECK (capacity > 0),
	mode VARCHAR(16) NOT NULL CHECK (mode IN ('ONLINE', 'ON_SITE')),
	location VARCHAR(500),
	created_at TIMESTAMPTZ NOT NULL,
	-- set when the reminders of the day before went out, so they go out once
	reminded_at TIMESTAMPTZ
);
CREATE INDEX seminars_vendor ON seminars (vendor_id, starts_at);
CREATE INDEX seminars_to_remind ON seminars (starts_at) WHERE reminded_at IS NULL;

CREATE TABLE seminar_registrations (
	seminar_id UUID NOT NULL REFERENCES seminars (id),
	partner_id UUID NOT NULL REFERENCES partners (id),
	status VARCHAR(16) NOT NULL CHECK (status IN ('REGISTERED', 'WAITLISTED')),
	-- order of arrival: the waiting list is served first come, first served
	seq BIGSERIAL NOT NULL,
	registered_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (seminar_id, partner_id)
);
CREATE INDEX seminar_registrations_partner ON seminar_registrations (partner_id);
