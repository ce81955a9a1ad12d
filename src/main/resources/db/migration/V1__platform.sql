-- Infrastructure tables of the libraries the platform runs on.

-- Spring Session: web sessions live in PostgreSQL so that any node can serve a user.
CREATE TABLE spring_session (
	primary_id CHAR(36) NOT NULL,
	session_id CHAR(36) NOT NULL,
	creation_time BIGINT NOT NULL,
	last_access_time BIGINT NOT NULL,
	max_inactive_interval INT NOT NULL,
	expiry_time BIGINT NOT NULL,
	principal_name VARCHAR(100),
	CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
	session_primary_id CHAR(36) NOT NULL,
	attribute_name VARCHAR(200) NOT NULL,
	attribute_bytes BYTEA NOT NULL,
	CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
	CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Spring Modulith: events between modules survive a crash.
CREATE TABLE event_publication (
	id UUID NOT NULL PRIMARY KEY,
	listener_id TEXT NOT NULL,
	event_type TEXT NOT NULL,
	serialized_event TEXT NOT NULL,
	publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
	completion_date TIMESTAMP WITH TIME ZONE,
	status TEXT,
	completion_attempts INT,
	last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- db-scheduler: scheduled jobs run once across the cluster.
CREATE TABLE scheduled_tasks (
	task_name TEXT NOT NULL,
	task_instance TEXT NOT NULL,
	task_data BYTEA,
	execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
	picked BOOLEAN NOT NULL,
	picked_by TEXT,
	last_success TIMESTAMP WITH TIME ZONE,
	last_failure TIMESTAMP WITH TIME ZONE,
	consecutive_failures INT,
	last_heartbeat TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	priority SMALLINT,
	PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Platform terms that every account accepts at sign-up, versioned.
CREATE TABLE platform_terms (
	version VARCHAR(32) PRIMARY KEY,
	text TEXT NOT NULL,
	published_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO platform_terms (version, text, published_at) VALUES ('2026-01',
'Partnerline platform terms, version 2026-01.

1. You may use Partnerline to take part in the partner programs of the vendors listed on it.
2. You keep your account details correct and your password secret.
3. Each vendor''s program has its own terms, which you accept when you join it.
4. Commissions are computed and paid as each program''s commission policy says.
5. Partnerline records the clicks, orders and reports needed to compute them and keeps no more personal data than that needs.',
'2026-01-01T00:00:00Z');
