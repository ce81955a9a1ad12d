-- The sub-id of the partner's link or click an order came through, kept with the order:
-- an order attributed through a link code has no click whose sub-id could be looked up.
ALTER TABLE orders ADD COLUMN sub_id VARCHAR(64);
UPDATE orders o SET sub_id = c.sub_id FROM clicks c
WHERE c.vendor_id = o.vendor_id AND c.click_id = o.click_id AND c.sub_id IS NOT NULL;
