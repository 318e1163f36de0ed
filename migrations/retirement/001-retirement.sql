--liquibase formatted sql

--changeset itad:retirement-001
-- A request to retire one asset; the asset-retirement process instance runs with this id as its business key.
create table retirement_request (
    id                uuid primary key,
    asset_id          uuid not null,
    reason            text not null,
    status            text not null default 'REQUESTED',
    requested_by      uuid not null,
    requested_at      timestamptz not null,
    decided_by        uuid,
    decided_at        timestamptz,
    decision_comment  text,
    closed_by         uuid,
    closed_at         timestamptz,
    close_reason      text,
    version           integer not null default 0,
    constraint retirement_request_status_known
        check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'CLOSED')),
    constraint retirement_request_decision_complete
        check (status in ('REQUESTED', 'CANCELLED') or (decided_by is not null and decided_at is not null))
);
-- An asset has at most one open retirement request.
create unique index retirement_request_one_open_per_asset on retirement_request (asset_id)
    where status in ('REQUESTED', 'APPROVED');
create index retirement_request_requested_at on retirement_request (requested_at);
