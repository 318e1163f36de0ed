--liquibase formatted sql

--changeset itad:compliance-010
-- Evidence packs (issue 7): zips an auditor checks with standard tools, built in the background. One row per
-- requested pack with its scope, progress and, once built, the file (kept under <data dir>/evidence-packs/).
create table evidence_pack (
    id            uuid primary key,
    scope         text not null,
    asset_id      uuid,                       -- scope ASSET
    lot_id        uuid,                       -- scope LOT
    period_from   date,                       -- scope PERIOD: custody events recorded from this UTC day ...
    period_to     date,                       -- ... to this one, inclusive
    label         text not null,              -- what the pack covers, for people
    state         text not null default 'QUEUED',
    done          integer not null default 0,
    total         integer not null default 0,
    error         text,
    file_name     text,
    size_bytes    bigint,
    sha256        text,
    requested_by  uuid not null,
    requested_at  timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    constraint evidence_pack_scope_known check (scope in ('ASSET', 'LOT', 'PERIOD')),
    constraint evidence_pack_scope_complete check (
        (scope = 'ASSET' and asset_id is not null) or (scope = 'LOT' and lot_id is not null)
        or (scope = 'PERIOD' and period_from is not null and period_to is not null and period_from <= period_to)),
    constraint evidence_pack_state_known check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint evidence_pack_progress check (done >= 0 and total >= 0 and done <= total),
    constraint evidence_pack_done_has_file check (state <> 'DONE'
        or (file_name is not null and size_bytes is not null and sha256 ~ '^[0-9a-f]{64}$')),
    constraint evidence_pack_failed_has_error check (state <> 'FAILED' or error is not null)
);
-- The list page: newest first, one page at a time.
create index evidence_pack_requested on evidence_pack (requested_at desc, id desc);
