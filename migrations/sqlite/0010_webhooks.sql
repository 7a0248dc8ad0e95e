-- Signed webhooks per office: what happened to bookings, sent in order to a
-- back-office system, retried as mails are until it answers 2xx.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    url TEXT NOT NULL,
    secret TEXT NOT NULL,              -- the HMAC key; the receiver has it too
    label TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    delivered_seq BIGINT NOT NULL,     -- the last event it answered 2xx for
    attempts BIGINT NOT NULL DEFAULT 0,
    next_at BIGINT NOT NULL DEFAULT 0,
    lease_until BIGINT NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX webhooks_office ON webhooks (office_id);

-- What happened to a booking, written by the database in the transaction of the
-- change itself (so nothing acknowledged is missed), for offices with webhooks.
CREATE TABLE booking_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    office_id TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    start_at BIGINT NOT NULL,
    end_at BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX booking_events_office ON booking_events (office_id, seq);

CREATE TRIGGER booking_event_created AFTER INSERT ON bookings
WHEN EXISTS (SELECT 1 FROM webhooks WHERE office_id = NEW.office_id AND revoked_at IS NULL)
BEGIN
    INSERT INTO booking_events (office_id, booking_id, kind, status, start_at, end_at, at)
    VALUES (NEW.office_id, NEW.id, 'booking.created', NEW.status, NEW.start_at, NEW.end_at, CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER booking_event_changed AFTER UPDATE OF start_at, status ON bookings
WHEN EXISTS (SELECT 1 FROM webhooks WHERE office_id = NEW.office_id AND revoked_at IS NULL)
    AND (NEW.start_at <> OLD.start_at
         OR (NEW.status <> OLD.status AND NEW.status IN ('cancelled', 'checked_in', 'done', 'no_show')))
BEGIN
    INSERT INTO booking_events (office_id, booking_id, kind, status, start_at, end_at, at)
    VALUES (NEW.office_id, NEW.id,
            CASE WHEN NEW.start_at <> OLD.start_at THEN 'booking.moved' ELSE 'booking.' || NEW.status END,
            NEW.status, NEW.start_at, NEW.end_at, CAST(strftime('%s', 'now') AS INTEGER));
END;
