--liquibase formatted sql

--changeset itad:certificate-001
-- Every document-signing certificate the service has signed with; rows are never changed or removed, so
-- certificates signed before a key rotation still verify as ours.
create table certificate_signing_key (
    key_id           text primary key,          -- lower-case hex SHA-256 of the signing certificate (DER)
    subject          text not null,
    certificate_pem  text not null,             -- the signing certificate
    chain_pem        text not null,             -- the rest of its chain, up to and including the root CA
    not_before       timestamptz not null,
    not_after        timestamptz not null,
    registered_at    timestamptz not null default clock_timestamp()
);

-- Issued certificates. The PDF bytes and the data are fixed at issue; only the status moves, once, from VALID
-- to REVOKED or SUPERSEDED. Nothing is ever deleted.
create table certificate (
    id                  uuid primary key,
    number              text not null,
    type                text not null,
    asset_id            uuid not null,
    medium_id           uuid,
    medium_serial       text,
    data                bytea not null,          -- the canonical JSON embedded in the PDF
    pdf                 bytea not null,
    sha256              bytea not null,          -- of the signed PDF bytes
    signing_key_id      text not null references certificate_signing_key (key_id),
    certified_event_id  uuid not null,           -- the custody event the certificate certifies
    certified_seq       bigint not null,
    issued_at           timestamptz not null,
    issued_by           uuid,
    issued_event_id     uuid not null,           -- its CERTIFICATE_ISSUED custody event
    supersedes          uuid references certificate (id),
    status              text not null default 'VALID',
    status_changed_at   timestamptz,
    status_changed_by   uuid,
    status_reason       text,
    superseded_by       uuid references certificate (id) deferrable initially deferred,
    constraint certificate_number_unique unique (number),
    constraint certificate_sha256_unique unique (sha256),
    constraint certificate_type_known check (type in ('SANITIZATION', 'DISPOSITION')),
    constraint certificate_status_known check (status in ('VALID', 'REVOKED', 'SUPERSEDED')),
    constraint certificate_sanitization_has_medium check (type <> 'SANITIZATION' or medium_id is not null),
    constraint certificate_sha256_size check (octet_length(sha256) = 32),
    constraint certificate_status_complete check (status = 'VALID'
        or (status_changed_at is not null and status_reason is not null)),
    constraint certificate_superseded_has_successor check ((status = 'SUPERSEDED') = (superseded_by is not null))
);
-- A signed PDF is compressed already: store it out of line without trying to compress it again.
alter table certificate alter column pdf set storage external;
create index certificate_asset on certificate (asset_id, issued_at);
create index certificate_medium on certificate (medium_id) where medium_id is not null;
create index certificate_issued on certificate (issued_at);
-- At most one certificate in force per medium (sanitization) and per asset (disposition); a correction moves the
-- old one to SUPERSEDED before inserting its successor, in one transaction.
create unique index certificate_one_valid_per_medium on certificate (medium_id)
    where type = 'SANITIZATION' and status = 'VALID';
create unique index certificate_one_valid_per_asset on certificate (asset_id)
    where type = 'DISPOSITION' and status = 'VALID';

-- One running number per type and year for human-friendly certificate numbers.
create table certificate_number_counter (
    type  text not null,
    year  integer not null,
    last  bigint not null,
    primary key (type, year)
);

--changeset itad:certificate-001-guard splitStatements:false
-- Issued certificates keep their bytes: no DELETE or TRUNCATE, and an UPDATE may only move the status once.
create function certificate_guard() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'certificates are never removed: % on % refused', tg_op, tg_table_name
            using errcode = 'insufficient_privilege';
    end if;
    if old.status <> 'VALID' then
        raise exception 'certificate % is % already; its status cannot change again', old.number, old.status
            using errcode = 'insufficient_privilege';
    end if;
    if (new.id, new.number, new.type, new.asset_id, new.medium_id, new.medium_serial, new.data, new.pdf, new.sha256,
            new.signing_key_id, new.certified_event_id, new.certified_seq, new.issued_at, new.issued_by,
            new.issued_event_id, new.supersedes)
        is distinct from
       (old.id, old.number, old.type, old.asset_id, old.medium_id, old.medium_serial, old.data, old.pdf, old.sha256,
            old.signing_key_id, old.certified_event_id, old.certified_seq, old.issued_at, old.issued_by,
            old.issued_event_id, old.supersedes) then
        raise exception 'certificate % was issued as it is; only its status can change', old.number
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger certificate_no_rewrite before update or delete on certificate
    for each row execute function certificate_guard();
create trigger certificate_no_truncate before truncate on certificate
    for each statement execute function certificate_guard();

create function certificate_signing_key_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'signing keys stay registered: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger certificate_signing_key_no_update before update or delete on certificate_signing_key
    for each row execute function certificate_signing_key_refuse_change();
create trigger certificate_signing_key_no_truncate before truncate on certificate_signing_key
    for each statement execute function certificate_signing_key_refuse_change();
