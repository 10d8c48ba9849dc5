-- What each owner holds, for quotas: the bytes of a job's uploads and of its results, and an index by owner.
ALTER TABLE jobs ADD COLUMN upload_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN result_bytes INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_by_owner ON jobs (owner_id, phase);
