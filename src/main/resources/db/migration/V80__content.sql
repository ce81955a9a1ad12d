-- Content cooperation (ADR 0022): news items and threat entries with translations,
-- their edit history, detections heard from the scanner, content agreements with
-- their keys and usage, and the partners' informer settings.

-- One row per news item (AV_NEWS, VIRUS_NEWS) or threat entry (THREAT) of a vendor.
-- A DRAFT is never shown; a PUBLISHED item shows from publish_at on.
CREATE TABLE content_items (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	kind VARCHAR(16) NOT NULL CHECK (kind IN ('AV_NEWS', 'VIRUS_NEWS', 'THREAT')),
	status VARCHAR(16) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
	publish_at TIMESTAMP WITH TIME ZONE,
	threat_name VARCHAR(200),
	threat_type VARCHAR(32),
	danger_level INT CHECK (danger_level BETWEEN 1 AND 5),
	first_seen DATE,
	active_from DATE,
	active_to DATE,
	version INT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CHECK (kind <> 'THREAT' OR (threat_name IS NOT NULL AND danger_level IS NOT NULL AND active_from IS NOT NULL)),
	CHECK (active_to IS NULL OR active_from IS NULL OR active_to >= active_from)
);
CREATE INDEX content_items_feed ON content_items (vendor_id, kind, publish_at DESC);
-- A threat's engine name is what detections are matched by: one entry per name and vendor.
CREATE UNIQUE INDEX content_items_threat_name ON content_items (vendor_id, lower(threat_name)) WHERE kind = 'THREAT';

-- The texts of an item per language (en, ru, fr, de); English is required, the others
-- fall back to English per item.
CREATE TABLE content_translations (
	item_id UUID NOT NULL REFERENCES content_items (id),
	lang VARCHAR(2) NOT NULL CHECK (lang IN ('en', 'ru', 'fr', 'de')),
	title VARCHAR(300) NOT NULL,
	body TEXT NOT NULL,
	removal TEXT,
	PRIMARY KEY (item_id, lang)
);

-- Every saved version of an item, whole (fields and translations as JSON), never edited.
CREATE TABLE content_item_history (
	item_id UUID NOT NULL REFERENCES content_items (id),
	version INT NOT NULL,
	saved_at TIMESTAMP WITH TIME ZONE NOT NULL,
	saved_by VARCHAR(320),
	snapshot JSONB NOT NULL,
	PRIMARY KEY (item_id, version)
);

-- Detections the scanner published (ThreatDetected), one row per scan and threat name;
-- the Virus Rating counts them over the last 24 hours and 7 days.
CREATE TABLE threat_detections (
	scan_id UUID NOT NULL,
	threat VARCHAR(200) NOT NULL,
	detected_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (scan_id, threat)
);
CREATE INDEX threat_detections_time ON threat_detections (detected_at);

-- What a vendor lets a partner publish, under which key.
CREATE TABLE content_agreements (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	partner_id UUID NOT NULL REFERENCES partners (id),
	feeds TEXT[] NOT NULL,
	max_items INT NOT NULL CHECK (max_items BETWEEN 1 AND 100),
	schedule VARCHAR(16) NOT NULL,
	terms TEXT NOT NULL,
	feed_key VARCHAR(64) NOT NULL UNIQUE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX content_agreements_vendor ON content_agreements (vendor_id, created_at);
CREATE INDEX content_agreements_partner ON content_agreements (partner_id);

-- Feed requests per agreement, feed and day, added in batches by each node.
CREATE TABLE content_agreement_usage (
	agreement_id UUID NOT NULL REFERENCES content_agreements (id),
	day DATE NOT NULL,
	feed VARCHAR(32) NOT NULL,
	requests BIGINT NOT NULL,
	PRIMARY KEY (agreement_id, day, feed)
);

-- The style and size a partner picked for its Virus Informer.
CREATE TABLE informer_settings (
	partner_id UUID PRIMARY KEY REFERENCES partners (id),
	style VARCHAR(16) NOT NULL,
	size VARCHAR(16) NOT NULL,
	vendor_id BIGINT REFERENCES vendors (id),
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
