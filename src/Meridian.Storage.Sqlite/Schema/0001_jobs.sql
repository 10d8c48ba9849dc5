-- Jobs, one row each. Instants are UTC ticks (100 ns since 0001-01-01); parameters and results are JSON.
CREATE TABLE jobs (
    id                 TEXT    NOT NULL PRIMARY KEY,
    service            TEXT    NOT NULL,
    owner_id           TEXT,
    run_id             TEXT,
    phase              TEXT    NOT NULL,
    creation_time      INTEGER NOT NULL,
    queued_time        INTEGER,
    start_time         INTEGER,
    end_time           INTEGER,
    execution_duration INTEGER NOT NULL,
    destruction        INTEGER,
    parameters         TEXT    NOT NULL,
    results            TEXT    NOT NULL,
    error_type         TEXT,
    error_message      TEXT,
    error_has_detail   INTEGER,
    executor_handle    TEXT
);

-- The job list: newest first per service (LAST=N reads N rows), and per phase.
CREATE INDEX jobs_by_service ON jobs (service, creation_time DESC, id DESC);
CREATE INDEX jobs_by_service_phase ON jobs (service, phase, creation_time DESC, id DESC);
-- The dispatcher's queue, first in, first out.
CREATE INDEX jobs_queue ON jobs (queued_time, id) WHERE phase = 'QUEUED';
CREATE INDEX jobs_executing ON jobs (id) WHERE phase = 'EXECUTING';
-- The destruction sweep.
CREATE INDEX jobs_by_destruction ON jobs (destruction) WHERE destruction IS NOT NULL;
