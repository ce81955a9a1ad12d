-- Files attached to an outbox mail (issue 25): a reference that the named source renders
-- when the mail is sent, never the bytes, so the outbox keeps no copy of a document whose
-- personal data may be erased later (ADR 0026).
CREATE TABLE mail_outbox_attachments (
	mail_id BIGINT NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
	position INT NOT NULL,
	filename VARCHAR(200) NOT NULL,
	content_type VARCHAR(100) NOT NULL,
	source VARCHAR(40) NOT NULL,
	reference VARCHAR(200) NOT NULL,
	PRIMARY KEY (mail_id, position)
);
