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
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    start_at BIGINT NOT NULL,
    end_at BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX booking_events_office ON booking_events (office_id, seq);

CREATE FUNCTION booking_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    what TEXT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM webhooks WHERE office_id = NEW.office_id AND revoked_at IS NULL) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        what := 'booking.created';
    ELSIF NEW.start_at <> OLD.start_at THEN
        what := 'booking.moved';
    ELSIF NEW.status <> OLD.status AND NEW.status IN ('cancelled', 'checked_in', 'done', 'no_show') THEN
        what := 'booking.' || NEW.status;
    ELSE
        RETURN NULL;
    END IF;
    INSERT INTO booking_events (office_id, booking_id, kind, status, start_at, end_at, at)
    VALUES (NEW.office_id, NEW.id, what, NEW.status, NEW.start_at, NEW.end_at, EXTRACT(EPOCH FROM clock_timestamp())::BIGINT);
    RETURN NULL;
END;
$$;
CREATE TRIGGER booking_event AFTER INSERT OR UPDATE OF start_at, status ON bookings
    FOR EACH ROW EXECUTE FUNCTION booking_event();
