--liquibase formatted sql

--changeset itad:identity-001
create table vendor (
    id          uuid primary key,
    name        text not null,
    created_at  timestamptz not null default now(),
    created_by  uuid,
    constraint vendor_name_unique unique (name),
    constraint vendor_name_present check (length(btrim(name)) > 0)
);

create table app_user (
    id             uuid primary key,
    username       text not null,
    display_name   text not null,
    email          text not null,
    password_hash  text not null,
    roles          text[] not null,
    vendor_id      uuid,
    enabled        boolean not null default true,
    created_at     timestamptz not null default now(),
    created_by     uuid,
    updated_at     timestamptz not null default now(),
    updated_by     uuid,
    constraint app_user_username_unique unique (username),
    constraint app_user_username_format check (username ~ '^[a-z0-9._-]{3,64}$'),
    constraint app_user_vendor_fk foreign key (vendor_id) references vendor (id),
    constraint app_user_roles_known check (roles <@ array['IT_STAFF','ASSET_MANAGER','VERIFIER','VENDOR','COMPLIANCE','ADMIN']::text[] and cardinality(roles) > 0),
    constraint app_user_vendor_bound check (('VENDOR' = any (roles)) = (vendor_id is not null)),
    constraint app_user_vendor_alone check (not ('VENDOR' = any (roles)) or cardinality(roles) = 1),
    constraint app_user_password_bcrypt check (password_hash ~ '^\$2[aby]\$')
);
create index app_user_vendor on app_user (vendor_id) where vendor_id is not null;

-- API tokens: only the SHA-256 (hex) of the secret is kept, plus a short prefix to recognise it by.
create table api_token (
    id            uuid primary key,
    user_id       uuid not null references app_user (id),
    name          text not null,
    token_hash    text not null,
    token_prefix  text not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    constraint api_token_hash_unique unique (token_hash),
    constraint api_token_hash_sha256 check (token_hash ~ '^[0-9a-f]{64}$')
);
create index api_token_user on api_token (user_id);
