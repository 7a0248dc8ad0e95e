-- The staff side: booking codes, tickets and the day's queue, staff sessions and
-- login throttling, API key roles, kiosks, emergency alerts, the audit log.

-- The booking code (Vorgangsnummer): 9 characters, unique among the office's
-- active bookings (the statuses of ACTIVE in store/offices.rs). Bookings made
-- before this migration get one when the service starts.
ALTER TABLE bookings ADD COLUMN code TEXT;
CREATE UNIQUE INDEX bookings_code_active ON bookings (office_id, code)
    WHERE status IN ('pending', 'confirmed', 'checked_in', 'called');

-- API keys carry a role; the keys there were read the day's appointments.
ALTER TABLE api_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'reader' CHECK (role IN ('reader', 'clerk', 'head'));

ALTER TABLE users ADD COLUMN disabled_at BIGINT;
ALTER TABLE users ADD COLUMN password_changed_at BIGINT;

-- Staff sessions, shared by every instance. The token only as a SHA-256 hash.
CREATE TABLE staff_sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,      -- for the idle timeout
    expires_at BIGINT NOT NULL,        -- the absolute lifetime
    ended_at BIGINT                    -- logout, password change, user disabled
);
CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);

-- Failed logins per account (hash of the address typed) and per client address
-- block (hash), shared by every instance: after 5, each try waits longer.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL
);

-- Devices an admin unlocked for an office's self-service check-in.
CREATE TABLE kiosks (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    office_id TEXT NOT NULL REFERENCES offices(id),
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

-- Ticket numbers per counter and local day: the last one given.
CREATE TABLE ticket_numbers (
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    day TEXT NOT NULL,
    last BIGINT NOT NULL,
    PRIMARY KEY (office_id, counter_id, day)
);

-- Tickets (Wartenummern). No personal data: the booking has it, and is erased
-- after the retention period; the times here stay for the statistics.
CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the secret in the ticket's QR code (/t/…)
    office_id TEXT NOT NULL,
    day TEXT NOT NULL,                 -- the office's local date
    number TEXT NOT NULL,              -- 'S-017': the prefix of the counter that gave it
    counter_id TEXT NOT NULL,          -- the queue it is in now (another after a transfer)
    booking_id TEXT,                   -- NULL for a walk-in without an appointment
    kind TEXT NOT NULL CHECK (kind IN ('appointment', 'walk_in')),
    urgent BIGINT NOT NULL DEFAULT 0,
    services TEXT NOT NULL,            -- service ids, comma-separated
    persons BIGINT NOT NULL CHECK (persons >= 1),
    planned_minutes BIGINT NOT NULL,   -- the services' minutes for the persons
    appointment_at BIGINT,             -- the booking's start, for the call order and waiting time
    state TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'serving', 'done', 'no_show', 'missed', 'back', 'transferred', 'parked')),
    version BIGINT NOT NULL,           -- grows with every change: a client acts on the version it saw
    desk TEXT,                         -- where it was called to
    calls BIGINT NOT NULL DEFAULT 0,   -- calls at the current desk
    queued_at BIGINT NOT NULL,         -- its place in a queue: the arrival, kept on transfer
    arrived_at BIGINT NOT NULL,        -- check-in or walk-in ticket
    first_called_at BIGINT,
    last_called_at BIGINT,
    started_at BIGINT,
    serving_since BIGINT,
    finished_at BIGINT,
    waiting_seconds BIGINT,            -- first call - max(arrival, appointment)
    way_seconds BIGINT NOT NULL DEFAULT 0,       -- call to start, added up
    handling_seconds BIGINT NOT NULL DEFAULT 0,  -- serving, added up over parking and transfers
    handled_services TEXT,
    handled_persons BIGINT,
    UNIQUE (office_id, day, number)
);
CREATE INDEX tickets_queue ON tickets (office_id, day, counter_id, state);
CREATE INDEX tickets_by_desk ON tickets (office_id, day, desk);
CREATE INDEX tickets_by_booking ON tickets (booking_id);

-- One row per desk that ever called: call-next at one desk takes it first, so
-- that two calls from one desk (a form sent twice) cannot both find it free.
CREATE TABLE desk_turns (
    office_id TEXT NOT NULL,
    desk TEXT NOT NULL,
    calls BIGINT NOT NULL,
    PRIMARY KEY (office_id, desk)
);

-- Every call of a ticket, with its desk: the display's latest calls, and the statistics.
CREATE TABLE ticket_calls (
    ticket_id TEXT NOT NULL REFERENCES tickets(id),
    n BIGINT NOT NULL,
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    desk TEXT NOT NULL,
    called_at BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, n)
);
CREATE INDEX ticket_calls_by_office ON ticket_calls (office_id, called_at);

-- Emergency alerts (Notruf) to every desk of an office, open until someone is coming.
CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL,
    desk TEXT NOT NULL,
    raised_by TEXT NOT NULL,           -- who, as in the audit log
    raised_at BIGINT NOT NULL,
    answered_by TEXT,
    answered_at BIGINT
);
CREATE INDEX alerts_open ON alerts (office_id) WHERE answered_at IS NULL;

-- Every staff action: who, when, what, and which ticket or booking, by id and
-- ticket number only, never a citizen's name, address or phone. Rows are only
-- added, and removed by the retention sweep (TERMIN_AUDIT_DAYS); the trigger
-- refuses any change of a row.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    office_id TEXT,                    -- NULL: about no one office (a login, an admin's key)
    actor TEXT NOT NULL,               -- 'user:ID', 'key:ID', 'kiosk:ID', 'cli', 'system'
    actor_label TEXT NOT NULL,         -- the staff user's address, the key's or kiosk's label
    action TEXT NOT NULL,
    ticket_id TEXT,
    ticket_number TEXT,
    booking_id TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_office ON audit_log (office_id, at);
CREATE INDEX audit_log_by_at ON audit_log (at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
