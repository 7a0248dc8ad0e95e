-- Five languages: a booking's language may be de, en, uk, tr or ar. (SQLite
-- makes its table anew for this; PostgreSQL changes the CHECK in place.)
ALTER TABLE bookings DROP CONSTRAINT bookings_language_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_language_check CHECK (language IN ('de', 'en', 'uk', 'tr', 'ar'));
