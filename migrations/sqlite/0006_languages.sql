-- Five languages: a booking's language may be de, en, uk, tr or ar. SQLite
-- cannot change a CHECK in place: the table is made anew with the same
-- columns, rows and indexes (nothing refers to it by a foreign key).
CREATE TABLE bookings_new (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    services TEXT NOT NULL,
    persons BIGINT NOT NULL CHECK (persons >= 1),
    start_at BIGINT NOT NULL,
    end_at BIGINT NOT NULL,
    grid_seconds BIGINT NOT NULL,
    arrival_window BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'checked_in', 'called', 'done', 'cancelled', 'expired', 'no_show')),
    name TEXT,
    email TEXT,
    phone TEXT,
    email_key TEXT,
    quota_counted BIGINT NOT NULL DEFAULT 1,
    language TEXT NOT NULL CHECK (language IN ('de', 'en', 'uk', 'tr', 'ar')),
    confirm_by BIGINT,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    cancelled_at BIGINT,
    erased_at BIGINT,
    address_confirmed BIGINT NOT NULL DEFAULT 0,
    moves BIGINT NOT NULL DEFAULT 0,
    calendar_sent BIGINT NOT NULL DEFAULT 0,
    CHECK (end_at > start_at)
);
INSERT INTO bookings_new (id, token_hash, office_id, counter_id, services, persons, start_at, end_at,
    grid_seconds, arrival_window, status, name, email, phone, email_key, quota_counted, language,
    confirm_by, created_at, confirmed_at, cancelled_at, erased_at, address_confirmed, moves, calendar_sent)
SELECT id, token_hash, office_id, counter_id, services, persons, start_at, end_at,
    grid_seconds, arrival_window, status, name, email, phone, email_key, quota_counted, language,
    confirm_by, created_at, confirmed_at, cancelled_at, erased_at, address_confirmed, moves, calendar_sent
FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_new RENAME TO bookings;
CREATE INDEX bookings_by_office_start ON bookings (office_id, start_at);
CREATE INDEX bookings_pending_by_deadline ON bookings (confirm_by) WHERE status = 'pending';
CREATE INDEX bookings_counted_by_end ON bookings (end_at) WHERE quota_counted = 1;
