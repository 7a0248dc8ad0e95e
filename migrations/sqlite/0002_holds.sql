-- Holds: a time kept for a citizen for a few minutes while they fill in the form.
-- A hold takes capacity cells and its arrival window like a booking; when the form
-- is sent, the booking takes over that capacity (`booking_id` is set, and the row
-- stays a short while so the browser that held it can show the confirmation page).
-- A hold that ran out gives its capacity back in the sweep.
CREATE TABLE holds (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of the secret in the holder's cookie
    browser_key TEXT NOT NULL,         -- SHA-256 of the browser's form token: one open hold per browser
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    services TEXT NOT NULL,
    persons BIGINT NOT NULL CHECK (persons >= 1),
    start_at BIGINT NOT NULL,
    end_at BIGINT NOT NULL,
    grid_seconds BIGINT NOT NULL,
    arrival_window BIGINT NOT NULL,
    client_key TEXT NOT NULL,          -- SHA-256 of the client's address block, for the cap; '' once used
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    booking_id TEXT,                   -- set once the hold became this booking
    CHECK (end_at > start_at)
);
CREATE INDEX holds_by_expiry ON holds (expires_at);
CREATE INDEX holds_by_office_start ON holds (office_id, start_at);
-- A browser that chooses again (or twice in a hurry) replaces its hold instead of adding one.
CREATE UNIQUE INDEX holds_one_open_per_browser ON holds (browser_key) WHERE booking_id IS NULL;
CREATE INDEX holds_by_browser ON holds (browser_key, created_at);

-- Open holds per client address, with the cap: the CHECK pattern of email_quota.
CREATE TABLE hold_quota (
    client_key TEXT PRIMARY KEY,
    active BIGINT NOT NULL,
    cap BIGINT NOT NULL,
    CONSTRAINT hold_quota_within_cap CHECK (active >= 0 AND active <= cap)
);
