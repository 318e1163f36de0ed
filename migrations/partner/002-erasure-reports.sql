--liquibase formatted sql

--changeset itad:partner-002
-- Vendors' erasure reports as received (upload or file drop): the original bytes are kept as evidence; the same file
-- (SHA-256) from the same vendor is applied once.
create table erasure_report (
    id            uuid primary key,
    vendor_id     uuid not null,
    file_name     text not null,
    format        text not null,
    sha256        text not null,
    size_bytes    bigint not null,
    content       bytea not null,
    source        text not null,
    received_by   uuid,                      -- the uploading user; null for the file drop
    received_at   timestamptz not null,
    status        text not null default 'PROCESSING',
    records       integer not null,
    applied       integer not null default 0,
    exceptions    integer not null default 0,
    results       jsonb,                     -- one outcome per record, in file order
    finished_at   timestamptz,
    constraint erasure_report_once unique (vendor_id, sha256),
    constraint erasure_report_source_known check (source in ('UPLOAD', 'DROP')),
    constraint erasure_report_status_known check (status in ('PROCESSING', 'PROCESSED')),
    constraint erasure_report_format_known
        check (format in ('GENERIC_CSV', 'GENERIC_JSON', 'GENERIC_XML', 'TOOL_XML'))
);
create index erasure_report_vendor on erasure_report (vendor_id, received_at desc);

-- Records of a report that were not applied as they stand (or were applied and need a person: failed erasures),
-- for IT staff and the vendor to resolve.
create table erasure_exception (
    id             uuid primary key,
    report_id      uuid not null references erasure_report (id),
    vendor_id      uuid not null,
    line           integer,                  -- the record's line (CSV) or position (JSON, XML); null for a whole file
    medium_serial  text,
    kind           text not null,
    rule           text not null,
    message        text not null,
    record         jsonb,                    -- the record as parsed, for a retry
    retirement_id  uuid,
    medium_id      uuid,
    state          text not null default 'OPEN',
    resolution     text,
    resolved_by    uuid,
    resolved_at    timestamptz,
    created_at     timestamptz not null,
    constraint erasure_exception_kind_known check (kind in ('UNKNOWN_SERIAL', 'FAILED_ERASURE', 'INCONSISTENT',
        'DUPLICATE_REPORT', 'ALREADY_SANITIZED', 'STEP_NOT_OPEN')),
    constraint erasure_exception_state_known check (state in ('OPEN', 'RESOLVED')),
    constraint erasure_exception_resolution_complete
        check (state = 'OPEN' or (resolution is not null and resolved_at is not null))
);
create index erasure_exception_open on erasure_exception (state, created_at);
create index erasure_exception_vendor on erasure_exception (vendor_id, state, created_at);
create index erasure_exception_report on erasure_exception (report_id);
