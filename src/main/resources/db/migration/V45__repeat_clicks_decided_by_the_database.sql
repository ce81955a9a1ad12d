-- The repeat rule (docs/commission-policy.md: one counted click per address, link and hour)
-- is decided by the database for any number of nodes (ADR 0014): the click writer's
-- statement inserts each group's hours here with ON CONFLICT DO NOTHING, and a click whose
-- hour it inserted is counted. The key is the rule's own columns, not a fingerprint of them.
-- Logged, so that a crash of the database cannot count a visitor twice in one hour.
DROP TABLE click_hours;
CREATE TABLE click_hours (
	vendor_id BIGINT NOT NULL,
	link_code VARCHAR(16) NOT NULL,
	address_hash VARCHAR(32) NOT NULL,
	-- start of the hour (UTC)
	hour TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (vendor_id, link_code, address_hash, hour)
);
-- rows arrive in time order: a BRIN index serves the pruning of old hours for next to nothing
CREATE INDEX click_hours_hour_idx ON click_hours USING brin (hour);

-- the counted clicks of the last two hours keep their hours (an install where a node decided)
INSERT INTO click_hours (vendor_id, link_code, address_hash, hour)
SELECT DISTINCT vendor_id, link_code, address_hash, date_bin('1 hour', occurred_at, timestamptz 'epoch')
FROM clicks WHERE counted AND occurred_at >= now() - interval '2 hours';

-- only a node rebuilding its hour claims read clicks by time
DROP INDEX clicks_time_brin;
