-- PostgreSQL compresses outbox mails with lz4 from here on; SQLite does not compress
-- values, so there is nothing to change. The file keeps both backends' numbers in step.
SELECT 1;
