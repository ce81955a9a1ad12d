-- Payout timing (issue 25): the month whose payout batch pays a statement, fixed at its
-- close as its month plus the program's payoutDelayMonths.
ALTER TABLE statements ADD COLUMN payout_month DATE;
UPDATE statements SET payout_month = month;
CREATE INDEX statements_payout_month_idx ON statements (vendor_id, payout_month) WHERE payable > 0;
