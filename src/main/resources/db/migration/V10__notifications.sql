-- Mail outbox: a mail is written in the transaction of the change that causes it and
-- sent later by the sender, so no mail is lost when the mail server is down and no
-- mail goes out for a change that was rolled back. Bodies are rendered when queued,
-- in the recipient's language.
CREATE TABLE mail_outbox (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	recipient VARCHAR(254) NOT NULL,
	locale VARCHAR(8) NOT NULL,
	template VARCHAR(64) NOT NULL,
	subject VARCHAR(300) NOT NULL,
	text_body TEXT NOT NULL,
	html_body TEXT NOT NULL,
	status VARCHAR(16) NOT NULL,
	attempts INT NOT NULL DEFAULT 0,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE,
	last_error TEXT
);
-- The sender's query: pending mails that are due, oldest first.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (lower(recipient));
