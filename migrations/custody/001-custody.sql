--liquibase formatted sql

--changeset itad:custody-001
-- Events appended by other modules inside their own transaction; the sequencer (custody log issue) drains it.
create table custody_inbox (
    event_id     uuid primary key,
    asset_id     uuid not null,
    type         text not null,
    occurred_at  timestamptz not null,
    actor_id     uuid,
    actor_role   text,
    data         jsonb not null default '{}'::jsonb,
    created_at   timestamptz not null default clock_timestamp()
);
create index custody_inbox_asset on custody_inbox (asset_id);
