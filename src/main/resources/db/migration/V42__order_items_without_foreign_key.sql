-- Order items lose their foreign key to orders (ADR 0008). Items are only ever written by
-- the statement that inserts their order (joined with the rows it inserted) and removed
-- with it (Orders.deleteReported deletes both), so the key guarded nothing the code does not.
-- It cost one lookup and row lock per item on the order intake path, and worse: the
-- lookup's plan is cached per connection, and one planned while orders was young is a
-- sequential scan, so each batch took longer than the last (84 ms to 620 ms for 500 orders
-- as the table grew from 0 to 4,000 rows) until an analyze of orders happened to replan it.
ALTER TABLE order_items DROP CONSTRAINT order_items_vendor_id_order_id_fkey;
