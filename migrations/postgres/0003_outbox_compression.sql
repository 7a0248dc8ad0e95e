-- The mail in the outbox is a few kilobytes of text: compressed with lz4 instead of
-- the default pglz it costs the booking transaction much less CPU. Servers built
-- without lz4 (or PostgreSQL-compatible databases without the setting) keep their
-- default: the statement is dynamic so that any error can be caught.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE outbox ALTER COLUMN message SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'outbox.message keeps the default compression: %', SQLERRM;
END
$$;
