-- Issue 18: account settings. A person's own time zone (times on pages are shown in it;
-- unset means the vendor's), and the optional notices a recipient does not want by mail.
ALTER TABLE accounts ADD COLUMN time_zone VARCHAR(64);

CREATE TABLE mail_opt_outs (
    recipient VARCHAR(320) NOT NULL,
    topic     VARCHAR(32)  NOT NULL,
    PRIMARY KEY (recipient, topic)
);
