-- Payout timing (issue 25): the month whose payout batch pays a closed month's statements,
-- fixed at the close as that month plus the program's payoutDelayMonths. A table of its
-- own: statements are frozen (no row of them is ever updated). Months closed before this
-- table existed are paid in their own month's batch.
CREATE TABLE statement_payout_months (
	vendor_id BIGINT NOT NULL,
	month DATE NOT NULL,
	payout_month DATE NOT NULL,
	PRIMARY KEY (vendor_id, month)
);
