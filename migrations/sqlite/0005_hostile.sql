-- What a hostile test of the citizen side found: holds counted by what they
-- take, mails that name nobody before the address is confirmed, calendar
-- entries that tell the truth, and moves that cannot flood a mailbox.

-- 1 once the citizen confirmed the booking by the link in the mail sent to the
-- address: from then on mails may greet them by the name they gave.
ALTER TABLE bookings ADD COLUMN address_confirmed BIGINT NOT NULL DEFAULT 0;
-- How often the booking was moved (capped by TERMIN_MAX_MOVES).
ALTER TABLE bookings ADD COLUMN moves BIGINT NOT NULL DEFAULT 0;
-- 1 once a calendar file of the booking went out (download or mail): a booking
-- that then lapses unconfirmed owes a mail that takes the entry out again.
ALTER TABLE bookings ADD COLUMN calendar_sent BIGINT NOT NULL DEFAULT 0;

-- Holds count what they take: desk-minutes, not how many.
ALTER TABLE holds ADD COLUMN minutes BIGINT NOT NULL DEFAULT 0;
-- The office's local day of the hold (ISO date), for the day's share; NULL for
-- holds taken before this migration.
ALTER TABLE holds ADD COLUMN share_day TEXT;
UPDATE holds SET minutes = (end_at - start_at) / 60;

-- hold_quota.active is desk-minutes from here on; `lapsed` counts the holds of
-- the address that ran out unused in a row, and `slow_until` is when the next
-- hold may be taken.
ALTER TABLE hold_quota ADD COLUMN lapsed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE hold_quota ADD COLUMN slow_until BIGINT NOT NULL DEFAULT 0;
UPDATE hold_quota SET
    active = COALESCE((SELECT SUM(h.minutes) FROM holds h WHERE h.client_key = hold_quota.client_key AND h.booking_id IS NULL), 0),
    cap = MAX(cap, COALESCE((SELECT SUM(h.minutes) FROM holds h WHERE h.client_key = hold_quota.client_key AND h.booking_id IS NULL), 0));

-- Desk-minutes held per counter and local day, with the most they may be: a
-- share of the day's free places. The CHECK pattern of email_quota.
CREATE TABLE hold_share (
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    day TEXT NOT NULL,
    held BIGINT NOT NULL,
    cap BIGINT NOT NULL,
    PRIMARY KEY (office_id, counter_id, day),
    CONSTRAINT hold_share_within_cap CHECK (held >= 0 AND held <= cap)
);

-- Desk-minutes one client holds on a counter's day, with the most it may: a
-- part of the day's share, so that one address cannot take all of it.
CREATE TABLE hold_client_day (
    client_key TEXT NOT NULL,
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    day TEXT NOT NULL,
    held BIGINT NOT NULL,
    cap BIGINT NOT NULL,
    PRIMARY KEY (client_key, office_id, counter_id, day),
    CONSTRAINT hold_client_day_within_cap CHECK (held >= 0 AND held <= cap)
);
