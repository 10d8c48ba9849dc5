-- A job created is announced only when it is created QUEUED, for the dispatchers to take it. Created PENDING, or
-- EXECUTING (claimed as it is stored by the node that took its request), no node has anything to do for it: its
-- id is known only from the answer to the request that creates it, so no WAIT can be waiting on it yet.
CREATE OR REPLACE FUNCTION meridian_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('meridian_jobs', OLD.id || ':');
    ELSIF TG_OP = 'INSERT' THEN
        IF NEW.phase = 'QUEUED' THEN
            PERFORM pg_notify('meridian_jobs', NEW.id || ':' || NEW.phase);
        END IF;
    ELSIF NEW.phase IS DISTINCT FROM OLD.phase
        OR NEW.parameters::text IS DISTINCT FROM OLD.parameters::text
        OR NEW.execution_duration IS DISTINCT FROM OLD.execution_duration
        OR NEW.destruction IS DISTINCT FROM OLD.destruction
        OR NEW.results::text IS DISTINCT FROM OLD.results::text THEN
        PERFORM pg_notify('meridian_jobs', NEW.id || ':' || NEW.phase);
    END IF;
    RETURN NULL;
END
$$;
