-- Files attached to ticket messages: kept in the database with the message they came
-- with (one transaction), their type detected from the bytes, never from the name.

CREATE TABLE ticket_attachments (
	id UUID PRIMARY KEY,
	message_id UUID NOT NULL REFERENCES ticket_messages (id),
	ticket_id UUID NOT NULL REFERENCES tickets (id),
	position SMALLINT NOT NULL CHECK (position BETWEEN 0 AND 4),
	file_name VARCHAR(255) NOT NULL,
	content_type VARCHAR(100) NOT NULL,
	size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
	sha256 CHAR(64) NOT NULL,
	content BYTEA NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	UNIQUE (message_id, position)
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments (ticket_id);
