-- Monthly partner reports. Every submission is a new version; the newest one of a
-- (vendor, partner, month) is current, the older ones are its history and are never
-- edited except to mark when they were replaced. The vendor id leads every key.

CREATE TABLE forecast_reports (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL REFERENCES partners (id),
	-- first day of the month the forecast is for
	month DATE NOT NULL,
	version INT NOT NULL,
	anticipated_volume NUMERIC(19, 4) NOT NULL CHECK (anticipated_volume >= 0),
	currency CHAR(3) NOT NULL,
	-- filed after the month had started (allowed once; a replacement is not)
	late BOOLEAN NOT NULL,
	submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	replaced_at TIMESTAMP WITH TIME ZONE,
	UNIQUE (vendor_id, partner_id, month, version)
);
CREATE INDEX forecast_reports_month_idx ON forecast_reports (vendor_id, month);

CREATE TABLE forecast_report_lines (
	report_id BIGINT NOT NULL REFERENCES forecast_reports (id),
	vendor_id BIGINT NOT NULL,
	line INT NOT NULL,
	sku VARCHAR(64) NOT NULL,
	quantity INT NOT NULL CHECK (quantity > 0),
	PRIMARY KEY (report_id, line)
);

CREATE TABLE sales_reports (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL REFERENCES partners (id),
	month DATE NOT NULL,
	version INT NOT NULL,
	-- JSON, CSV or FORM
	source VARCHAR(8) NOT NULL,
	line_count INT NOT NULL,
	total NUMERIC(19, 4) NOT NULL,
	currency CHAR(3) NOT NULL,
	-- filed after its due date
	late BOOLEAN NOT NULL,
	submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	replaced_at TIMESTAMP WITH TIME ZONE,
	UNIQUE (vendor_id, partner_id, month, version)
);
CREATE INDEX sales_reports_month_idx ON sales_reports (vendor_id, month);

CREATE TABLE sales_report_lines (
	report_id BIGINT NOT NULL REFERENCES sales_reports (id),
	vendor_id BIGINT NOT NULL,
	line INT NOT NULL,
	sku VARCHAR(64) NOT NULL,
	quantity INT NOT NULL CHECK (quantity > 0),
	amount NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),
	client_name VARCHAR(200) NOT NULL,
	client_email VARCHAR(320) NOT NULL,
	client_country CHAR(2) NOT NULL,
	PRIMARY KEY (report_id, line)
);

-- One row per reminder sent: the unique key makes a reminder go out once, however
-- often the job runs and on however many nodes.
CREATE TABLE report_reminders (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL REFERENCES partners (id),
	month DATE NOT NULL,
	report_type VARCHAR(16) NOT NULL,
	kind VARCHAR(16) NOT NULL,
	due_on DATE NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	UNIQUE (vendor_id, partner_id, month, kind, report_type)
);
