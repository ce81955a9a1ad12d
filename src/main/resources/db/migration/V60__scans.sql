-- Online Virus Scanner (ADR 0017). One row per finished scan: what was scanned (hash and
-- size, never the file), what the engine said, and through which partner's scanner.
-- partner_id and vendor_id are null for scans on the scanner page without a partner.
CREATE TABLE scans (
	id UUID PRIMARY KEY,
	scanned_at TIMESTAMP WITH TIME ZONE NOT NULL,
	vendor_id BIGINT,
	partner_id UUID,
	partner_code VARCHAR(64),
	sha256 CHAR(64) NOT NULL,
	bytes BIGINT NOT NULL,
	verdict VARCHAR(16) NOT NULL,
	threats TEXT[] NOT NULL,
	engine VARCHAR(200) NOT NULL,
	signatures VARCHAR(200) NOT NULL
);
-- Partner statistics (control panel) and the vendor's view per partner (console).
CREATE INDEX scans_partner ON scans (partner_id, scanned_at) WHERE partner_id IS NOT NULL;
CREATE INDEX scans_vendor ON scans (vendor_id, scanned_at) WHERE vendor_id IS NOT NULL;

-- Scans per client and minute, for the per-client rate limit; kept in the database so
-- that every node behind the load balancer counts the same. Rows older than a few
-- minutes are deleted by the scanner's housekeeping.
CREATE TABLE scan_client_minutes (
	client VARCHAR(64) NOT NULL,
	minute TIMESTAMP WITH TIME ZONE NOT NULL,
	scans INT NOT NULL,
	PRIMARY KEY (client, minute)
);
