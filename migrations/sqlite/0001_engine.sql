-- The booking engine: offices, capacity cells, bookings, outbox, idempotency keys, API keys, staff users.
-- Instants are integer seconds since the epoch (UTC); dates and times are ISO text.

-- The revision comes before the (long) definition, so reading it needs no overflow pages.
CREATE TABLE offices (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    definition TEXT NOT NULL           -- the validated office as JSON
);

-- The booking path's tables carry no foreign key to offices: every booking writes
-- through a condition on the office row at the expected revision, offices are never
-- deleted, and on PostgreSQL each such key would lock the one office row of all
-- concurrent bookings (FOR KEY SHARE) on every insert.

-- One row per counter and grid step that has ever been booked. The CHECK is rule 1.
CREATE TABLE capacity_cells (
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    cell_at BIGINT NOT NULL,
    capacity BIGINT NOT NULL,
    booked BIGINT NOT NULL,
    PRIMARY KEY (office_id, counter_id, cell_at),
    CONSTRAINT capacity_cells_never_overbooked CHECK (booked >= 0 AND booked <= capacity)
);

-- Persons arriving per arrival window of an office (rule 4).
CREATE TABLE arrival_cells (
    office_id TEXT NOT NULL,
    window_at BIGINT NOT NULL,
    capacity BIGINT NOT NULL,
    arrivals BIGINT NOT NULL,
    PRIMARY KEY (office_id, window_at),
    CONSTRAINT arrival_cells_within_cap CHECK (arrivals >= 0 AND arrivals <= capacity)
);

CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    services TEXT NOT NULL,            -- service ids, comma-separated
    persons BIGINT NOT NULL CHECK (persons >= 1),
    start_at BIGINT NOT NULL,
    end_at BIGINT NOT NULL,
    grid_seconds BIGINT NOT NULL,
    arrival_window BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'checked_in', 'called', 'done', 'cancelled', 'expired', 'no_show')),
    name TEXT,
    email TEXT,
    phone TEXT,
    email_key TEXT,                    -- SHA-256 of the normalised address, for the cap
    quota_counted BIGINT NOT NULL DEFAULT 1,
    language TEXT NOT NULL CHECK (language IN ('de', 'en')),
    confirm_by BIGINT,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    cancelled_at BIGINT,
    erased_at BIGINT,
    CHECK (end_at > start_at)
);
CREATE INDEX bookings_by_office_start ON bookings (office_id, start_at);
CREATE INDEX bookings_pending_by_deadline ON bookings (confirm_by) WHERE status = 'pending';
CREATE INDEX bookings_counted_by_end ON bookings (end_at) WHERE quota_counted = 1;

-- Active bookings per office and address (a hash of the normalised address), with the
-- office's cap: the same CHECK pattern as capacity cells, so the cap holds under
-- concurrency without a count in application code. A booking stops counting when it
-- is cancelled, expires or its appointment is over (`quota_counted` flips to 0).
CREATE TABLE email_quota (
    office_id TEXT NOT NULL,
    email_key TEXT NOT NULL,
    active BIGINT NOT NULL,
    cap BIGINT NOT NULL,
    PRIMARY KEY (office_id, email_key),
    CONSTRAINT email_quota_within_cap CHECK (active >= 0 AND active <= cap)
);

-- Written first in the booking transaction (before the booking row exists), so no foreign key.
CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Mails a booking owes, written in the booking's transaction (rule 7).
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    booking_id TEXT,                   -- no foreign key, as above: written with its booking
    kind TEXT NOT NULL,
    message_id TEXT NOT NULL,          -- made from a random UUID
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    message BLOB,                      -- the whole RFC 5322 message; erased once sent
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    due_at BIGINT NOT NULL,
    lease_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox (due_at) WHERE status = 'pending';

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    office_id TEXT REFERENCES offices(id),   -- NULL: every office
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'head', 'admin')),
    office_id TEXT REFERENCES offices(id),
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
