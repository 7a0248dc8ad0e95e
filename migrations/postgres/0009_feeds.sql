-- Calendar feeds: a counter's appointments for the city's groupware, behind a
-- secret URL (kept only as a hash) that a head creates and can revoke.
CREATE TABLE calendar_feeds (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    office_id TEXT NOT NULL REFERENCES offices(id),
    counter_id TEXT NOT NULL,
    label TEXT NOT NULL,
    with_names BIGINT NOT NULL DEFAULT 0,  -- 1: the citizens' names and booking codes are in the entries
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX calendar_feeds_office ON calendar_feeds (office_id);
