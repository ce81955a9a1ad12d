-- A product's trial lasts trial_days days, or one calendar month in the vendor's time zone when
-- it is NULL: the default, as docs/api.md gives a trial licence "(one month)". 0 means no trial.
ALTER TABLE products ALTER COLUMN trial_days DROP NOT NULL;
