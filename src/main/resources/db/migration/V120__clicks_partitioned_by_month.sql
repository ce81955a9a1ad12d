-- Clicks partitioned by month (issue 24, ADR 0029). Raw clicks are only needed for
-- attribution within the cookie window and for audits; statistics read click_counts
-- (ADR 0009). With one partition per month (UTC) the retention job drops whole months
-- (tracking.ClickPartitions) instead of deleting rows, and new months are created ahead
-- by the same job. The primary key must contain the partition key: (vendor_id, click_id,
-- occurred_at). A click id carries its time in milliseconds (ClickIdentity.newClickId),
-- so one id always lands in one partition and stays unique; lookups by id name a time
-- range derived from it, so that only the partitions of that range are read.
ALTER TABLE clicks RENAME TO clicks_unpartitioned;
ALTER INDEX clicks_pkey RENAME TO clicks_unpartitioned_pkey;

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
	PRIMARY KEY (vendor_id, click_id, occurred_at)
) PARTITION BY RANGE (occurred_at);

-- a safety net: a click of a month whose partition is missing is stored here, never
-- refused; the partition job moves such rows into their month's partition
CREATE TABLE clicks_default PARTITION OF clicks DEFAULT;

-- the months of the clicks already stored, and the last 13 months to 3 months ahead
DO $$
DECLARE
	first_month DATE;
	last_month DATE;
	m DATE;
BEGIN
	SELECT least(date_trunc('month', min(occurred_at) AT TIME ZONE 'UTC'),
			date_trunc('month', now() AT TIME ZONE 'UTC') - interval '13 months')::date,
		greatest(date_trunc('month', max(occurred_at) AT TIME ZONE 'UTC'),
			date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months')::date
	INTO first_month, last_month
	FROM clicks_unpartitioned;
	m := first_month;
	WHILE m <= last_month LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF clicks FOR VALUES FROM (%L) TO (%L)',
			'clicks_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'),
			m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
		m := (m + interval '1 month')::date;
	END LOOP;
END $$;

INSERT INTO clicks SELECT * FROM clicks_unpartitioned;
DROP TABLE clicks_unpartitioned;
