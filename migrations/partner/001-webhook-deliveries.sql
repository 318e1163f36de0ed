--liquibase formatted sql

--changeset itad:partner-001
-- Every authenticated webhook delivery of a vendor (ADR 13): which idempotency key, when, the body's SHA-256, what
-- happened. An APPLIED delivery binds its key: a re-delivery with the same key gets the stored answer again and
-- nothing is applied twice (the partial unique index makes two concurrent deliveries of one key apply once).
create table webhook_delivery (
    id               uuid primary key,
    vendor_id        uuid not null references vendor (id),
    idempotency_key  text not null,
    event_type       text,
    received_at      timestamptz not null,
    body_sha256      text not null,
    outcome          text not null,
    http_status      integer not null,
    response         text not null,
    constraint webhook_delivery_outcome_known check (outcome in ('APPLIED', 'REPLAYED', 'REJECTED')),
    constraint webhook_delivery_sha256 check (body_sha256 ~ '^[0-9a-f]{64}$')
);
create unique index webhook_delivery_applied_once on webhook_delivery (vendor_id, idempotency_key)
    where outcome = 'APPLIED';
create index webhook_delivery_vendor on webhook_delivery (vendor_id, received_at desc);
