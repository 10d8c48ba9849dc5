-- The sweep a job belongs to (a set of jobs created in one submission), and an index to list a sweep's jobs.
ALTER TABLE jobs ADD COLUMN sweep_id TEXT;
CREATE INDEX jobs_by_sweep ON jobs (sweep_id) WHERE sweep_id IS NOT NULL;
