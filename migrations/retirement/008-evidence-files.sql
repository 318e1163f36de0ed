--liquibase formatted sql

--changeset itad:retirement-008
-- Files that back a vendor's or IT staff's record of a retirement step (issue 6): a recycling certificate, a photo or
-- video of a destruction, an on-site sanitization report. The bytes are kept as evidence, the SHA-256 is what the
-- step's custody event names; the media type is sniffed from the bytes. Append-only: nothing is changed or deleted.
create table retirement_evidence_file (
    id             uuid primary key,
    retirement_id  uuid not null references retirement_request (id),
    medium_id      uuid,                      -- for a sanitization report: the medium it covers
    kind           text not null,
    file_name      text not null,
    media_type     text not null,
    size_bytes     bigint not null,
    sha256         text not null,
    content        bytea not null,
    vendor_id      uuid,                      -- the uploading vendor organisation; null when IT staff uploaded
    uploaded_by    uuid not null,
    uploaded_at    timestamptz not null,
    constraint retirement_evidence_file_kind_known
        check (kind in ('RECYCLING_CERTIFICATE', 'DESTRUCTION_MEDIA', 'SANITIZATION_REPORT')),
    constraint retirement_evidence_file_type_known check (media_type in ('application/pdf', 'image/png',
        'image/jpeg', 'video/mp4', 'application/xml', 'application/json', 'text/csv', 'text/plain')),
    constraint retirement_evidence_file_sha256 check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint retirement_evidence_file_size check (size_bytes = octet_length(content) and size_bytes > 0)
);
create index retirement_evidence_file_retirement on retirement_evidence_file (retirement_id, uploaded_at);

--changeset itad:retirement-008-append-only splitStatements:false
-- The application role may add evidence files but never change or delete one.
do $$
declare
    grantee_role text;
begin
    for grantee_role in
        select distinct grantee from information_schema.role_table_grants
        where table_schema = 'public' and table_name = 'retirement_evidence_file' and grantee <> current_user
    loop
        execute format('revoke update, delete, truncate on retirement_evidence_file from %I', grantee_role);
    end loop;
end;
$$;
