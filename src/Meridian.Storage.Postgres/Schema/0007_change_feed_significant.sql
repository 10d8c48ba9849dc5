-- The change feed announces what a client or another node's dispatcher acts on: a job created or deleted, its phase,
-- or what its owner may change or read (parameters, execution duration, destruction, results). An update of the
-- executor's bookkeeping alone (the handle a job got from its executor, the node following it, a scheduler's
-- expected start) is not announced: every node would wake its WAIT requests for it, and each would answer its
-- client the same phase again, which then asks once more.
CREATE OR REPLACE FUNCTION meridian_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('meridian_jobs', OLD.id || ':');
    ELSIF TG_OP = 'INSERT'
        OR NEW.phase IS DISTINCT FROM OLD.phase
        OR NEW.parameters::text IS DISTINCT FROM OLD.parameters::text
        OR NEW.execution_duration IS DISTINCT FROM OLD.execution_duration
        OR NEW.destruction IS DISTINCT FROM OLD.destruction
        OR NEW.results::text IS DISTINCT FROM OLD.results::text THEN
        PERFORM pg_notify('meridian_jobs', NEW.id || ':' || NEW.phase);
    END IF;
    RETURN NULL;
END
$$;
