--liquibase formatted sql

--changeset itad:certificate-003-key-rotation
-- Every rotation of the document-signing key (issue 7, admin pages): who, when, from which certificate to which. The
-- old certificate stays in certificate_signing_key, so documents it signed still verify as ours.
create table certificate_key_rotation (
    id          uuid primary key,
    old_key_id  text references certificate_signing_key (key_id),
    new_key_id  text not null references certificate_signing_key (key_id),
    rotated_at  timestamptz not null,
    rotated_by  uuid
);
create index certificate_key_rotation_at on certificate_key_rotation (rotated_at desc);
create index certificate_key_rotation_old on certificate_key_rotation (old_key_id);
