--liquibase formatted sql

--changeset itad:retirement-001
-- A request to retire one asset; the asset-retirement process instance runs with this id as its business key.
create table retirement_request (
    id                uuid primary key,
    asset_id          uuid not null,
    reason            text not null,
    confidentiality   text not null,                -- of the data on the asset: LOW, MODERATE, HIGH
    destination       text not null,                -- INTERNAL_REUSE, LEAVES_ORGANISATION, DISPOSAL
    status            text not null default 'REQUESTED',
    requested_by      uuid not null,
    requested_at      timestamptz not null,
    decided_by        uuid,
    decided_at        timestamptz,
    decision_comment  text,
    backup_confirmed_by  uuid,
    backup_confirmed_at  timestamptz,
    backup_location      text,                      -- null when no retention was required
    licenses_released    integer,
    sanitization_decided_at timestamptz,
    closed_by         uuid,
    closed_at         timestamptz,
    close_reason      text,
    version           integer not null default 0,
    constraint retirement_request_confidentiality_known check (confidentiality in ('LOW', 'MODERATE', 'HIGH')),
    constraint retirement_request_destination_known
        check (destination in ('INTERNAL_REUSE', 'LEAVES_ORGANISATION', 'DISPOSAL')),
    constraint retirement_request_status_known
        check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'CLOSED', 'LOST')),
    constraint retirement_request_decision_complete
        check (status in ('REQUESTED', 'CANCELLED') or (decided_by is not null and decided_at is not null))
);
-- An asset has at most one open retirement request.
create unique index retirement_request_one_open_per_asset on retirement_request (asset_id)
    where status in ('REQUESTED', 'APPROVED');
create index retirement_request_requested_at on retirement_request (requested_at);

-- De-provisioning of the asset, one row per system, attested by IT staff (or recorded by a connector).
create table retirement_deprovisioning (
    retirement_id  uuid not null references retirement_request (id),
    system         text not null,
    outcome        text not null,
    evidence       text not null,
    recorded_by    uuid not null,
    recorded_at    timestamptz not null,
    primary key (retirement_id, system),
    constraint retirement_deprovisioning_system_known
        check (system in ('MDM', 'DIRECTORY', 'DEVICE_CERTIFICATES', 'REMOTE_ACCOUNTS')),
    constraint retirement_deprovisioning_outcome_known check (outcome in ('DONE', 'NOT_APPLICABLE'))
);

-- The NIST SP 800-88 method decided for each storage medium of the asset (DMN sanitization-method).
create table sanitization_plan (
    retirement_id  uuid not null references retirement_request (id),
    medium_id      uuid not null,
    medium_serial  text not null,
    media_type     text not null,
    method_type    text not null,
    technique      text not null,
    guidance       text not null,
    decided_at     timestamptz not null,
    primary key (retirement_id, medium_id),
    constraint sanitization_plan_method_known check (method_type in ('CLEAR', 'PURGE', 'DESTROY'))
);

-- Each sanitization attempt of a medium and its verification; the latest attempt per medium counts.
create table medium_sanitization (
    retirement_id        uuid not null references retirement_request (id),
    medium_id            uuid not null,
    attempt              integer not null,
    method_type          text not null,
    record               jsonb not null,          -- the operator's record (performer, technique, tool, ...)
    passed               boolean not null,
    performed_by         uuid not null,
    performed_at         timestamptz not null,
    sanitized_event_id   uuid not null,           -- its MEDIUM_SANITIZED / SANITIZATION_FAILED custody event
    sampled              boolean,                 -- chosen for an independent full verification
    verification         jsonb,                   -- the verifier's record
    verified             boolean,
    verified_by          uuid,
    verified_at          timestamptz,
    certificate_number   text,
    primary key (retirement_id, medium_id, attempt)
);

-- Running counts behind the verification sample: at least the configured share of logically sanitized media
-- (Clear or Purge) gets an independent full verification.
create table verification_sample_counter (
    id        integer primary key check (id = 1),
    logical   bigint not null,
    sampled   bigint not null
);
insert into verification_sample_counter (id, logical, sampled) values (1, 0, 0);

-- Retirements started for many assets at once (a data-centre decommission): the batch and one row per asset,
-- worked through in the background; each asset's outcome is reported.
create table retirement_batch (
    id               uuid primary key,
    reason           text not null,
    confidentiality  text not null,
    destination      text not null,
    requested_by     uuid not null,
    requested_roles  text not null,
    created_at       timestamptz not null,
    finished_at      timestamptz
);

create table retirement_batch_item (
    batch_id       uuid not null references retirement_batch (id),
    position       integer not null,
    asset_id       uuid not null,
    retirement_id  uuid,
    error_rule     text,
    error_message  text,
    processed_at   timestamptz,
    primary key (batch_id, position)
);
create index retirement_batch_item_pending on retirement_batch_item (batch_id, position) where processed_at is null;

-- A lot groups retired assets for one vendor pickup; its manifest is frozen when IT staff sign it off.
create table lot (
    id               uuid primary key,
    vendor_id        uuid not null,
    status           text not null default 'OPEN',
    carrier          text not null,
    tracking_number  text,
    pickup_contact   text not null,
    manifest_sha256  text,
    signed_off_by    uuid,
    signed_off_at    timestamptz,
    picked_up_by     uuid,
    picked_up_at     timestamptz,
    received_by      uuid,
    received_at      timestamptz,
    created_by       uuid not null,
    created_at       timestamptz not null,
    constraint lot_status_known check (status in ('OPEN', 'SIGNED_OFF', 'PICKED_UP', 'RECEIVED', 'RELEASED'))
);
create index lot_vendor on lot (vendor_id, created_at);

create table lot_item (
    lot_id          uuid not null references lot (id),
    retirement_id   uuid not null references retirement_request (id),
    asset_id        uuid not null,
    asset_serial    text not null,
    asset_tag       text not null,
    seal_number     text,
    outcome         text,
    primary key (lot_id, retirement_id),
    constraint lot_item_one_lot unique (retirement_id),
    constraint lot_item_outcome_known check (outcome is null or outcome in ('RECEIVED', 'LOST_IN_TRANSIT'))
);

create table lot_discrepancy (
    lot_id        uuid not null references lot (id),
    kind          text not null,
    serial        text not null,
    resolution    text,
    resolved_by   uuid,
    resolved_at   timestamptz,
    primary key (lot_id, kind, serial),
    constraint lot_discrepancy_kind_known check (kind in ('MISSING', 'UNEXPECTED')),
    constraint lot_discrepancy_resolution_known
        check (resolution is null or resolution in ('FOUND', 'LOST_IN_TRANSIT', 'RETURNED_TO_SENDER'))
);

-- What the vendor recorded for each asset, and the settlement.
alter table retirement_request
    add column vendor_id         uuid,
    add column processing        jsonb,
    add column processed_by      uuid,
    add column processed_at      timestamptz,
    add column settlement        jsonb,
    add column settled_by        uuid,
    add column settled_at        timestamptz,
    add column disposition_certificate text;
alter table retirement_request add column disposed_event_id uuid;
