-- Fila's H2 journal: the tables pekko-persistence-jdbc reads and writes (same names, columns and keys as
-- the plugin expects), with event payloads as BINARY VARYING kept in the row rather than BLOBs kept in
-- H2's separate LOB store: an event is a few hundred bytes of CBOR, and a BLOB cost a LOB-store write
-- on insert and a LOB-store read per event on every replay and projection poll. Snapshots stay BLOBs
-- (a queue's can be large). The ordering has one unique index (the plugin's script declares it twice,
-- as a UNIQUE column and as an index, so every insert kept two identical trees), and event_tag has no
-- foreign key to the journal (its check was a lookup per tag row; Fila never deletes events, which is
-- all the cascade was for). Every statement may run at every start: what exists is skipped.
CREATE TABLE IF NOT EXISTS PUBLIC."event_journal" (
    "ordering" BIGINT NOT NULL AUTO_INCREMENT,
    "deleted" BOOLEAN DEFAULT FALSE NOT NULL,
    "persistence_id" VARCHAR(255) NOT NULL,
    "sequence_number" BIGINT NOT NULL,
    "writer" VARCHAR NOT NULL,
    "write_timestamp" BIGINT NOT NULL,
    "adapter_manifest" VARCHAR NOT NULL,
    "event_payload" BINARY VARYING(1000000) NOT NULL,
    "event_ser_id" INTEGER NOT NULL,
    "event_ser_manifest" VARCHAR NOT NULL,
    "meta_payload" BINARY VARYING(1000000),
    "meta_ser_id" INTEGER,
    "meta_ser_manifest" VARCHAR,
    PRIMARY KEY ("persistence_id", "sequence_number")
);

CREATE UNIQUE INDEX IF NOT EXISTS "event_journal_ordering_idx" ON PUBLIC."event_journal" ("ordering");

CREATE TABLE IF NOT EXISTS PUBLIC."event_tag" (
    "event_id" BIGINT NOT NULL,
    "tag" VARCHAR NOT NULL,
    PRIMARY KEY ("event_id", "tag")
);

CREATE TABLE IF NOT EXISTS PUBLIC."snapshot" (
    "persistence_id" VARCHAR(255) NOT NULL,
    "sequence_number" BIGINT NOT NULL,
    "created" BIGINT NOT NULL,
    "snapshot_ser_id" INTEGER NOT NULL,
    "snapshot_ser_manifest" VARCHAR NOT NULL,
    "snapshot_payload" BLOB NOT NULL,
    "meta_ser_id" INTEGER,
    "meta_ser_manifest" VARCHAR,
    "meta_payload" BLOB,
    PRIMARY KEY ("persistence_id", "sequence_number")
);
