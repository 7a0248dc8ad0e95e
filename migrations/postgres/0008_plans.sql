-- Plan revisions: every saved change of an office's plan, with who, when, why and
-- from which date its hours apply; and who cancelled a booking (the citizen or the
-- office, when a plan change left it without a desk).
CREATE TABLE plan_revisions (
    office_id TEXT NOT NULL,
    revision BIGINT NOT NULL,          -- the offices.revision this change wrote
    definition TEXT NOT NULL,          -- the office as JSON, as saved
    effective_from TEXT,               -- the date its hours apply from; NULL: at once
    actor TEXT NOT NULL,
    actor_label TEXT NOT NULL,
    note TEXT NOT NULL,
    moved BIGINT NOT NULL DEFAULT 0,
    cancelled BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (office_id, revision)
);
INSERT INTO plan_revisions (office_id, revision, definition, effective_from, actor, actor_label, note, created_at)
    SELECT id, revision, definition, NULL, 'cli', 'command line', '', updated_at FROM offices;

ALTER TABLE bookings ADD COLUMN cancelled_by TEXT CHECK (cancelled_by IN ('citizen', 'office'));
-- Before this, only citizens cancelled.
UPDATE bookings SET cancelled_by = 'citizen' WHERE status = 'cancelled';
