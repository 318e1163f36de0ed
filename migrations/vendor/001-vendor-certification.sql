--liquibase formatted sql

--changeset itad:vendor-001
-- A vendor's certifications (R2v3, e-Stewards, NAID AAA, ISO 14001 ...); a handoff needs one valid that day.
create table vendor_certification (
    id              uuid primary key,
    vendor_id       uuid not null references vendor (id),
    scheme          text not null,
    certificate_id  text not null,
    issuer          text not null,
    valid_from      date not null,
    valid_until     date not null,
    created_at      timestamptz not null,
    created_by      uuid,
    constraint vendor_certification_period check (valid_until >= valid_from)
);
create index vendor_certification_vendor on vendor_certification (vendor_id, valid_until);
