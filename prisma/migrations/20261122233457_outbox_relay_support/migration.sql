-- Wakes the relay (LISTEN outbox_inserted) as soon as a transaction with outbox rows commits;
-- NOTIFY is delivered at commit, so the relay never sees a row before it is visible.
CREATE FUNCTION notify_outbox_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_inserted', '');
  RETURN NULL;
END $$;

CREATE TRIGGER outbox_inserted_notify AFTER INSERT ON "outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_inserted();

-- Call numbers are assigned from their own sequence (the input has no number, spec E1).
CREATE SEQUENCE call_number_seq AS bigint START 1;
