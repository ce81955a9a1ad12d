-- Hour keys of the repeat rule become the 64-bit fingerprint of (vendor, link, address
-- hash, hour) that the click writer computes (ADR 0008): one narrow key is cheaper to
-- insert and compare than four columns on the hottest path. The table only holds the
-- last hours; dropping it costs at most one more counted click per key. Numbered after
-- every existing migration, since installs already at V40 must take it.
DROP TABLE click_hours;
CREATE UNLOGGED TABLE click_hours (
	key BIGINT PRIMARY KEY,
	hour TIMESTAMP WITH TIME ZONE NOT NULL
);
-- rows arrive in time order: a BRIN index serves the pruning for next to nothing
CREATE INDEX click_hours_hour_idx ON click_hours USING brin (hour);
