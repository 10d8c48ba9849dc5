-- Jobs, one row each. Parameters and results are JSON (json, not jsonb: jsonb refuses \u0000 in a value).
-- Ids and names compare in "C" collation so that the order is ordinal whatever the database's locale.
CREATE TABLE jobs (
    id                 text COLLATE "C" NOT NULL PRIMARY KEY,
    service            text COLLATE "C" NOT NULL,
    owner_id           text,
    run_id             text,
    phase              text COLLATE "C" NOT NULL CHECK (phase IN
                           ('PENDING', 'QUEUED', 'EXECUTING', 'COMPLETED', 'ERROR', 'ABORTED', 'UNKNOWN', 'HELD', 'SUSPENDED', 'ARCHIVED')),
    creation_time      timestamptz NOT NULL,
    queued_time        timestamptz,
    start_time         timestamptz,
    end_time           timestamptz,
    execution_duration integer NOT NULL,
    destruction        timestamptz,
    parameters         json NOT NULL,
    results            json NOT NULL,
    error_type         text,
    error_message      text,
    error_has_detail   boolean,
    executor_handle    text,
    node_id            text
);

-- The job list: newest first per service (LAST=N reads N rows), and per phase.
CREATE INDEX jobs_by_service ON jobs (service, creation_time DESC, id DESC);
CREATE INDEX jobs_by_service_phase ON jobs (service, phase, creation_time DESC, id DESC);
-- The dispatcher's queue, first in, first out.
CREATE INDEX jobs_queue ON jobs (queued_time, id) WHERE phase = 'QUEUED';
-- Settling EXECUTING jobs after a restart, and the orphan sweep.
CREATE INDEX jobs_executing ON jobs (id) WHERE phase = 'EXECUTING';
-- The destruction sweep.
CREATE INDEX jobs_by_destruction ON jobs (destruction) WHERE destruction IS NOT NULL;
