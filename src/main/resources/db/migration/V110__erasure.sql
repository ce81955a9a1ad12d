-- Erasure (issue 25, ADR 0027). Payout items stay frozen for their money, but the payee's
-- personal data on them (holder, IBAN, BIC, email) may be replaced by a pseudonym: an
-- UPDATE that changes anything else, and every DELETE, is still refused.
CREATE FUNCTION payout_items_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE'
		AND (NEW.id, NEW.vendor_id, NEW.batch_id, NEW.statement_id, NEW.partner_id, NEW.amount, NEW.method)
			IS NOT DISTINCT FROM (OLD.id, OLD.vendor_id, OLD.batch_id, OLD.statement_id, OLD.partner_id, OLD.amount, OLD.method)
	THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'rows of % are frozen: booked amounts are never edited', TG_TABLE_NAME;
END;
$$;
DROP TRIGGER payout_items_frozen ON payout_items;
CREATE TRIGGER payout_items_frozen BEFORE UPDATE OR DELETE ON payout_items
	FOR EACH ROW EXECUTE FUNCTION payout_items_frozen();

-- Who was erased, when and by whom: the pseudonym only, never an erased value. subject is
-- the partner id for a partner, NULL for a customer (whose email is not kept).
CREATE TABLE erasures (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind VARCHAR(16) NOT NULL CHECK (kind IN ('PARTNER', 'CUSTOMER')),
	subject UUID UNIQUE,
	pseudonym VARCHAR(64) NOT NULL UNIQUE,
	erased_at TIMESTAMP WITH TIME ZONE NOT NULL,
	erased_by VARCHAR(320) NOT NULL
);
