--liquibase formatted sql

--changeset itad:vendor-002
-- Vendor organisations as a registry (issue 6): deactivation, contacts, sites, certification schemes from a known
-- list with a scope and an uploaded certificate document, and each vendor's webhook secret (encrypted).
alter table vendor
    add column deactivated_at  timestamptz,
    add column deactivated_by  uuid,
    add column updated_at      timestamptz,
    add column updated_by      uuid;

create table vendor_contact (
    id             uuid primary key,
    vendor_id      uuid not null references vendor (id),
    name           text not null,
    function       text,
    email          text not null,
    phone          text,
    notifications  boolean not null default false,
    created_at     timestamptz not null default now(),
    created_by     uuid,
    updated_at     timestamptz,
    updated_by     uuid,
    constraint vendor_contact_name_present check (length(btrim(name)) > 0),
    constraint vendor_contact_email_format check (email ~ '^[^@\s]+@[^@\s]+$')
);
create index vendor_contact_vendor on vendor_contact (vendor_id);

create table vendor_site (
    id            uuid primary key,
    vendor_id     uuid not null references vendor (id),
    name          text not null,
    address       text not null,
    country       text not null,
    r2_facility   boolean not null default false,
    created_at    timestamptz not null default now(),
    created_by    uuid,
    updated_at    timestamptz,
    updated_by    uuid,
    constraint vendor_site_name_present check (length(btrim(name)) > 0),
    constraint vendor_site_country_iso check (country ~ '^[A-Z]{2}$')
);
create index vendor_site_vendor on vendor_site (vendor_id);

-- Schemes were free text; they become codes from a known list ("R2v3" -> R2V3, "e-Stewards" -> E_STEWARDS, ...).
update vendor_certification set scheme = upper(regexp_replace(btrim(scheme), '[\s-]+', '_', 'g'));
update vendor_certification set scheme = 'OTHER'
 where scheme not in ('R2V3', 'E_STEWARDS', 'NAID_AAA', 'ISO_14001', 'ISO_45001', 'ISO_27001', 'OTHER');
alter table vendor_certification
    add column scope       text,
    add column updated_at  timestamptz,
    add column updated_by  uuid,
    add column removed_at  timestamptz,
    add column removed_by  uuid,
    add constraint vendor_certification_scheme_known
        check (scheme in ('R2V3', 'E_STEWARDS', 'NAID_AAA', 'ISO_14001', 'ISO_45001', 'ISO_27001', 'OTHER'));

-- The certificate document of a certification (PDF, PNG or JPEG, sniffed from its bytes); a new upload replaces it.
create table vendor_certification_document (
    certification_id  uuid primary key references vendor_certification (id),
    file_name         text not null,
    media_type        text not null,
    size_bytes        bigint not null,
    sha256            text not null,
    content           bytea not null,
    uploaded_at       timestamptz not null,
    uploaded_by       uuid,
    constraint vendor_certification_document_type check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
    constraint vendor_certification_document_sha256 check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint vendor_certification_document_size check (size_bytes = octet_length(content))
);

-- A vendor's webhook secret, AES-256-GCM encrypted under the service's webhook key (ADR 13); shown once when made.
create table vendor_webhook_secret (
    vendor_id    uuid primary key references vendor (id),
    key_id       text not null,
    nonce        bytea not null,
    ciphertext   bytea not null,
    hint         text not null,
    created_at   timestamptz not null,
    created_by   uuid
);
