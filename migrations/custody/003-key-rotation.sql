--liquibase formatted sql

--changeset itad:custody-003-key-rotation
-- Every rotation of the checkpoint signing key (issue 7, admin pages): who, when, from which key to which. The old
-- key's verifier key stays in custody_log_key, so checkpoints it signed still verify.
create table custody_key_rotation (
    id          uuid primary key,
    old_key_id  text references custody_log_key (key_id),
    new_key_id  text not null references custody_log_key (key_id),
    rotated_at  timestamptz not null,
    rotated_by  uuid
);
create index custody_key_rotation_at on custody_key_rotation (rotated_at desc);
create index custody_key_rotation_old on custody_key_rotation (old_key_id);
