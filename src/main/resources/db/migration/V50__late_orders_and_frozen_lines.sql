-- Late orders and frozen statement lines (docs/commission-policy.md, ADR 0016).
--
-- A statement lists, and its volume counts, the orders and refunds of its month that
-- had arrived (created_at) when the month was closed (periods.closed_at). What arrives
-- later for a closed month goes onto the partner's next statement as an adjustment.
-- Both questions ("arrived by the close" and "arrived after the close") are index
-- ranges on (vendor, period, created_at); the volume stays an index-only scan because
-- partner, amount and the self-referral flag are included. These indexes replace the
-- ones on (vendor, period), so intake writes no more index entries than before.
CREATE INDEX orders_period_received_idx ON orders (vendor_id, period, created_at)
	INCLUDE (partner_id, amount, self_referral);
DROP INDEX orders_period_idx;
CREATE INDEX refunds_period_received_idx ON refunds (vendor_id, period, created_at);
DROP INDEX refunds_period_idx;

-- Adjustment lines now also carry late orders (kind LATE_ORDER, positive, no refund);
-- refund adjustments keep kind ADJUSTMENT. An order is adjusted at most once.
ALTER TABLE statement_lines ALTER COLUMN refund_id DROP NOT NULL;
CREATE UNIQUE INDEX statement_lines_late_order_uq ON statement_lines (vendor_id, order_id)
	WHERE kind = 'LATE_ORDER';
