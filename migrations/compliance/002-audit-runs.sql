--liquibase formatted sql

--changeset itad:compliance-002
-- Full audits of the custody log started from the compliance pages, with their outcome: passed, or the first bad
-- sequence number and why.
create table compliance_audit_run (
    id             uuid primary key,
    started_at     timestamptz not null,
    started_by     uuid,
    started_by_name text,
    log_size       bigint not null,           -- entries in the log when the audit started
    state          text not null default 'RUNNING',
    entries        bigint,
    checkpoints    integer,
    first_bad_seq  bigint,
    reason         text,
    finished_at    timestamptz,
    constraint compliance_audit_run_state_known check (state in ('RUNNING', 'PASSED', 'FAILED', 'INTERRUPTED')),
    constraint compliance_audit_run_finished check (state = 'RUNNING' or finished_at is not null)
);
create index compliance_audit_run_started on compliance_audit_run (started_at desc);
