-- The nodes' heartbeats: an EXECUTING job whose node fell silent is settled by another node.
CREATE TABLE nodes (
    node_id   text NOT NULL PRIMARY KEY,
    heartbeat timestamptz NOT NULL
);
