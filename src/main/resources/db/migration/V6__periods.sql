-- Accounting periods (calendar months in the vendor's time zone). A row appears when
-- a month is closed; a closed month's statements and reported sales are frozen.
CREATE TABLE periods (
	vendor_id BIGINT NOT NULL,
	month DATE NOT NULL,
	status VARCHAR(16) NOT NULL,
	closed_at TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (vendor_id, month)
);
