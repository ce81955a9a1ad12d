-- Individual contracts of Internet Partners. A contract is offered when the vendor
-- approves a proposal and takes effect when the partner accepts it; a newer accepted
-- contract supersedes the older one. Rows are never edited except for their status.
CREATE TABLE contracts (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id BIGINT NOT NULL,
	partner_id UUID NOT NULL REFERENCES partners (id),
	proposal_id BIGINT,
	commission_rate NUMERIC(7, 4),
	order_processing VARCHAR(16) NOT NULL,
	starts_on DATE NOT NULL,
	rate_override BOOLEAN NOT NULL DEFAULT FALSE,
	status VARCHAR(16) NOT NULL,
	offered_at TIMESTAMP WITH TIME ZONE NOT NULL,
	accepted_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX contracts_partner_idx ON contracts (vendor_id, partner_id, status);
