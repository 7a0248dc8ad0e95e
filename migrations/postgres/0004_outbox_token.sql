-- The first mail of a new booking and the reminder are rendered when they are
-- delivered, not in the booking's transaction: their row holds no message until
-- then, but the booking's secret for the mail's links (the only place it is kept
-- in plain, as it was inside the rendered message). Erased once the mail is sent.
ALTER TABLE outbox ADD COLUMN token TEXT;
