--liquibase formatted sql

--changeset itad:retirement-003
-- Messages for process instances that were not yet waiting for them (e.g. a lot received while the asset's last
-- certificate of sanitization is still being issued): kept here and delivered, with retries, once the instance
-- reaches its wait state. Delivered and expired rows are kept as the record.
create table process_message_inbox (
    id              uuid primary key,
    message_name    text not null,
    business_key    text not null,
    variables       jsonb not null default '{}',
    received_at     timestamptz not null,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    delivered_at    timestamptz,
    expired_at      timestamptz,
    constraint process_message_inbox_settled_once check (delivered_at is null or expired_at is null)
);

-- One pending copy of a message per instance: sending it again while it waits changes nothing.
create unique index process_message_inbox_pending_once on process_message_inbox (message_name, business_key)
    where delivered_at is null and expired_at is null;

create index process_message_inbox_due on process_message_inbox (next_attempt_at)
    where delivered_at is null and expired_at is null;
