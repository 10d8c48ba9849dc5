-- When the batch scheduler expects to start a QUEUED job (ticks, UTC): the job's quote follows from it.
ALTER TABLE jobs ADD COLUMN expected_start INTEGER;
