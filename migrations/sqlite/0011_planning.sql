-- Figures for planning hints, counts and times only: walk-ins turned away per
-- counter and day, and the next free appointment per service as it stood each
-- day (the first look of the day).
CREATE TABLE walk_in_refusals (
    office_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    day TEXT NOT NULL,
    refused BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (office_id, counter_id, day)
);
CREATE TABLE next_free_history (
    office_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    day TEXT NOT NULL,
    next_free_at BIGINT,               -- NULL: nothing free in the booking window
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (office_id, service_id, day)
);
