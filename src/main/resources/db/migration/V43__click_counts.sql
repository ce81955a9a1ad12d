-- Partner statistics read click counts per quarter hour instead of the clicks themselves
-- (ADR 0009). The click writer appends its group's counts to click_count_deltas in the
-- statement that stores the clicks (no index, no row another group could lock), and a
-- job folds them into click_counts every few seconds; readers add the deltas not folded
-- yet. Quarter hours, because every time zone in use is a whole number of them from UTC,
-- so days and months of any vendor's zone are sums of whole buckets. The partner index
-- on clicks, which cost about a tenth of the database's work per click, goes.
CREATE TABLE click_counts (
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL,
	bucket TIMESTAMP WITH TIME ZONE NOT NULL,
	-- '' for clicks without a sub-id (a key column cannot be null)
	sub_id VARCHAR(64) NOT NULL,
	clicks BIGINT NOT NULL,
	counted BIGINT NOT NULL,
	PRIMARY KEY (vendor_id, partner_id, bucket, sub_id)
);

CREATE TABLE click_count_deltas (
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL,
	bucket TIMESTAMP WITH TIME ZONE NOT NULL,
	sub_id VARCHAR(64) NOT NULL,
	clicks INT NOT NULL,
	counted INT NOT NULL
);

INSERT INTO click_counts (vendor_id, partner_id, bucket, sub_id, clicks, counted)
SELECT vendor_id, partner_id, date_bin('15 minutes', occurred_at, timestamptz 'epoch'), coalesce(sub_id, ''),
  count(*), count(*) FILTER (WHERE counted)
FROM clicks
GROUP BY 1, 2, 3, 4;

DROP INDEX clicks_partner_idx;
