--liquibase formatted sql

--changeset itad:retirement-012-working-history-level
-- The engine's history level becomes "working" (id 21): Camunda's "full" without the routine job log and the
-- per-change variable details (ADR 21, processes/README.md "History"). The engine refuses to start when its
-- configured level differs from the one recorded here, so a database that ran "full" (id 3, the level before) or
-- any other level is moved on; a new database has no row yet, and the engine writes 21 at its first start. Rows
-- already written stay until history cleanup removes them.
update act_ge_property set value_ = '21', rev_ = rev_ + 1 where name_ = 'historyLevel' and value_ <> '21';
