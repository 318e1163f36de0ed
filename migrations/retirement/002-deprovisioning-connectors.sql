--liquibase formatted sql

--changeset itad:retirement-002
-- De-provisioning connectors (ADR 10): a system is recorded either by IT staff (MANUAL, recorded_by set) or by its
-- connector (CONNECTOR, no person), with the connector's answer as the evidence.
alter table retirement_deprovisioning alter column recorded_by drop not null;
alter table retirement_deprovisioning
    add column method               text not null default 'MANUAL',
    add column endpoint             text,
    add column http_status          integer,
    add column response_body        text,          -- at most 64 KiB of the answer
    add column response_sha256      text,          -- of the answer's bytes as received (at most 1 MiB read)
    add column response_media_type  text,
    add column request_id           text,          -- the idempotency key sent
    add column attempts             integer,
    add column duration_ms          bigint,
    add constraint retirement_deprovisioning_method_known check (method in ('MANUAL', 'CONNECTOR')),
    add constraint retirement_deprovisioning_recorded_by
        check (method = 'CONNECTOR' or recorded_by is not null),
    add constraint retirement_deprovisioning_connector_evidence
        check (method = 'MANUAL' or (endpoint is not null and request_id is not null and attempts is not null));

-- Every failed connector call (after the connector's own retries), so a failure is never silent; the custody log
-- has a DEPROVISIONING_FAILED event for each.
create table retirement_deprovisioning_failure (
    id             uuid primary key,
    retirement_id  uuid not null references retirement_request (id),
    system         text not null,
    endpoint       text not null,
    error          text not null,
    http_status    integer,
    attempts       integer not null,
    failed_at      timestamptz not null,
    constraint retirement_deprovisioning_failure_system_known
        check (system in ('MDM', 'DIRECTORY', 'DEVICE_CERTIFICATES', 'REMOTE_ACCOUNTS'))
);
create index retirement_deprovisioning_failure_of on retirement_deprovisioning_failure (retirement_id, system, failed_at);
