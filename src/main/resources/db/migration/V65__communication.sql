-- Communication between a vendor and its partners: announcements with read receipts,
-- the partner's mail preference for them, and the support desk (tickets, every
-- message kept, first-response targets per partner type of a program).

CREATE TABLE announcements (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	title VARCHAR(200) NOT NULL,
	body TEXT NOT NULL,
	audience VARCHAR(16) NOT NULL CHECK (audience IN ('ALL', 'AFFILIATE', 'INTERNET')),
	publish_at TIMESTAMPTZ NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	created_by VARCHAR(320) NOT NULL,
	-- set once the announcement has been mailed to its audience, so it goes out once
	mailed_at TIMESTAMPTZ
);
CREATE INDEX announcements_vendor ON announcements (vendor_id, publish_at DESC);
CREATE INDEX announcements_to_mail ON announcements (publish_at) WHERE mailed_at IS NULL;

CREATE TABLE announcement_reads (
	announcement_id UUID NOT NULL REFERENCES announcements (id),
	partner_id UUID NOT NULL REFERENCES partners (id),
	read_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (announcement_id, partner_id)
);
CREATE INDEX announcement_reads_partner ON announcement_reads (partner_id);

CREATE TABLE announcement_mail_opt_outs (
	partner_id UUID PRIMARY KEY REFERENCES partners (id),
	opted_out_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE support_targets (
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	partner_type VARCHAR(16) NOT NULL CHECK (partner_type IN ('AFFILIATE', 'INTERNET')),
	first_response_business_days INT NOT NULL CHECK (first_response_business_days BETWEEN 1 AND 30),
	PRIMARY KEY (vendor_id, partner_type)
);

CREATE TABLE tickets (
	id UUID PRIMARY KEY,
	vendor_id BIGINT NOT NULL REFERENCES vendors (id),
	partner_id UUID NOT NULL REFERENCES partners (id),
	partner_type VARCHAR(16) NOT NULL,
	subject VARCHAR(200) NOT NULL,
	category VARCHAR(16) NOT NULL CHECK (category IN ('COMMISSIONS', 'TRACKING', 'TECHNICAL', 'MARKETING', 'OTHER')),
	status VARCHAR(24) NOT NULL CHECK (status IN ('OPEN', 'WAITING_FOR_PARTNER', 'RESOLVED', 'CLOSED')),
	assignee_id UUID REFERENCES accounts (id),
	created_at TIMESTAMPTZ NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	first_response_due TIMESTAMPTZ NOT NULL,
	first_response_at TIMESTAMPTZ,
	-- set when the managers were warned of a coming breach, so they are warned once
	breach_warned_at TIMESTAMPTZ
);
CREATE INDEX tickets_queue ON tickets (vendor_id, status, created_at);
CREATE INDEX tickets_partner ON tickets (partner_id, vendor_id, created_at DESC);
CREATE INDEX tickets_awaiting_first_response ON tickets (first_response_due)
	WHERE first_response_at IS NULL AND breach_warned_at IS NULL;

CREATE TABLE ticket_messages (
	id UUID PRIMARY KEY,
	ticket_id UUID NOT NULL REFERENCES tickets (id),
	author VARCHAR(16) NOT NULL CHECK (author IN ('PARTNER', 'VENDOR')),
	author_name VARCHAR(320) NOT NULL,
	body TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at);
