-- Every change to a job is announced on the channel meridian_jobs as 'id:PHASE' ('id:' once deleted), so
-- that the other nodes' WAIT requests and dispatchers wake at once. NOTIFY is sent when the change commits.
CREATE FUNCTION meridian_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('meridian_jobs', OLD.id || ':');
    ELSE
        PERFORM pg_notify('meridian_jobs', NEW.id || ':' || NEW.phase);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_changed AFTER INSERT OR UPDATE OR DELETE ON jobs
    FOR EACH ROW EXECUTE FUNCTION meridian_job_changed();
