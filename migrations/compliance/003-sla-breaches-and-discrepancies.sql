--liquibase formatted sql

--changeset itad:compliance-003
-- SLA breaches as the retirement module reports them (SlaBreached, written in the escalating step's transaction),
-- for the period reports: one row per breach of a retirement step or a lot step.
create table compliance_sla_breach (
    id             uuid primary key,
    breached_at    timestamptz not null,
    retirement_id  uuid,
    lot_id         uuid,
    step           text not null,
    sla            text not null,
    assets         integer not null,
    constraint compliance_sla_breach_subject check ((retirement_id is null) <> (lot_id is null))
);
create index compliance_sla_breach_time on compliance_sla_breach (breached_at);

--changeset itad:compliance-003-discrepancies
-- Receipt discrepancies as the retirement module reports them (ReceiptDiscrepancyFound, in the receipt's
-- transaction): when each was found, which the retirement module's own table does not keep. Their resolution is
-- read from lot_discrepancy.
create table compliance_receipt_discrepancy (
    lot_id     uuid not null,
    kind       text not null,
    serial     text not null,
    vendor_id  uuid not null,
    found_at   timestamptz not null,
    primary key (lot_id, kind, serial),
    constraint compliance_receipt_discrepancy_kind_known check (kind in ('MISSING', 'UNEXPECTED'))
);
create index compliance_receipt_discrepancy_time on compliance_receipt_discrepancy (found_at);
