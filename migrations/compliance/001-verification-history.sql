--liquibase formatted sql

--changeset itad:compliance-001
-- Every certificate verification (public page, public API, staff console): what was checked, the verdict, and who
-- asked when someone was signed in. Kept as the history of checks for compliance officers.
create table compliance_verification (
    id                  uuid primary key,
    checked_at          timestamptz not null,
    channel             text not null,
    submitted_number    text,                    -- the number as entered (a lookup by number)
    file_sha256         text,                    -- SHA-256 of the uploaded file (a lookup by upload)
    result              text not null,
    certificate_number  text,                    -- the certificate the check found
    user_id             uuid,
    username            text,
    constraint compliance_verification_channel_known
        check (channel in ('PUBLIC_PAGE', 'PUBLIC_API', 'CONSOLE', 'SERVICE')),
    constraint compliance_verification_result_known
        check (result in ('VALID', 'REVOKED', 'SUPERSEDED', 'INVALID', 'NOT_FOUND', 'MALFORMED_NUMBER')),
    constraint compliance_verification_subject check (submitted_number is not null or file_sha256 is not null)
);
create index compliance_verification_time on compliance_verification (checked_at desc);
create index compliance_verification_result_time on compliance_verification (result, checked_at desc);
