-- A node that decides repeat clicks itself (tracking.NodeHourClaims) reads the counted clicks
-- of the last two hours when it starts. Clicks are appended in time order, so a BRIN index
-- on their time finds them in a few block ranges and costs next to nothing per click
-- (new ranges stay unsummarized, and unsummarized ranges are always read).
CREATE INDEX clicks_time_brin ON clicks USING brin (occurred_at);
