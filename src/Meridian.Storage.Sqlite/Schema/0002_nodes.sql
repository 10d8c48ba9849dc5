-- Which node executes a job, and the nodes' heartbeats: a job whose node fell silent is settled by another.
ALTER TABLE jobs ADD COLUMN node_id TEXT;

CREATE TABLE nodes (
    node_id   TEXT    NOT NULL PRIMARY KEY,
    heartbeat INTEGER NOT NULL
);
