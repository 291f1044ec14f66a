-- Modification stamps (DESIGN.md "Stamps").
--
-- Every insert or update of a call, message or jeopardy takes a new stamp from one sequence (the
-- trigger below). A poller of GET …/modifications/{t} must never miss a row, even when a slow
-- transaction that took stamp 10 commits after a fast one that took stamp 11. So the feed hands out
-- only stamps below the horizon: the smallest stamp still held by an open transaction.
--
-- How open transactions are seen: a writer's first stamp is held as a transaction-level advisory
-- lock (key = stamp with bit 62 set, so it never collides with other advisory locks); pg_locks shows
-- it to every session until the writer commits or rolls back. Later stamps of the same transaction
-- are larger, so the first one is enough. The "gate" (a shared session lock around nextval + lock)
-- closes the gap between taking a stamp and locking it: the reader takes the gate exclusively, so it
-- never looks at pg_locks while a writer is in that gap.

CREATE SEQUENCE modification_stamp_seq AS bigint START 1;

CREATE FUNCTION next_modification_stamp() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  stamp bigint;
BEGIN
  IF current_setting('callbridge.holds_stamp', true) = 'yes' THEN
    RETURN nextval('modification_stamp_seq');
  END IF;
  PERFORM pg_advisory_lock_shared(1129464322, 1);
  BEGIN
    stamp := nextval('modification_stamp_seq');
    PERFORM pg_advisory_xact_lock(stamp | 4611686018427387904);
  EXCEPTION WHEN OTHERS THEN
    PERFORM pg_advisory_unlock_shared(1129464322, 1);
    RAISE;
  END;
  PERFORM pg_advisory_unlock_shared(1129464322, 1);
  PERFORM set_config('callbridge.holds_stamp', 'yes', true);
  RETURN stamp;
END $$;

-- Rows with a stamp strictly below the returned value are committed (or rolled back) for good.
-- Call it in its own statement, outside a REPEATABLE READ transaction, before reading the rows.
CREATE FUNCTION modification_stamp_horizon() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  oldest_open bigint;
  handed_out bigint;
BEGIN
  PERFORM pg_advisory_lock(1129464322, 1);
  BEGIN
    SELECT min(((l.classid::bigint << 32) | l.objid::bigint) # 4611686018427387904)
      INTO oldest_open
      FROM pg_locks l
     WHERE l.locktype = 'advisory'
       AND l.objsubid = 1
       AND (l.classid::bigint & 1073741824) <> 0;
    SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
      INTO handed_out
      FROM modification_stamp_seq;
  EXCEPTION WHEN OTHERS THEN
    PERFORM pg_advisory_unlock(1129464322, 1);
    RAISE;
  END;
  PERFORM pg_advisory_unlock(1129464322, 1);
  RETURN coalesce(oldest_open, handed_out + 1);
END $$;

CREATE FUNCTION assign_modification_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.stamp := next_modification_stamp();
  RETURN NEW;
END $$;

CREATE TRIGGER calls_modification_stamp BEFORE INSERT OR UPDATE ON "calls"
  FOR EACH ROW EXECUTE FUNCTION assign_modification_stamp();
CREATE TRIGGER call_messages_modification_stamp BEFORE INSERT OR UPDATE ON "call_messages"
  FOR EACH ROW EXECUTE FUNCTION assign_modification_stamp();
CREATE TRIGGER call_jeopardies_modification_stamp BEFORE INSERT OR UPDATE ON "call_jeopardies"
  FOR EACH ROW EXECUTE FUNCTION assign_modification_stamp();
