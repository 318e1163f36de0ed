--liquibase formatted sql

--changeset itad:notification-001
-- Outbound mail, one row per message and recipient, written in the transaction of the workflow step that caused it
-- and sent from here by the outbox poller with retries: an SMTP outage delays mail but never a workflow step.
-- Sent and failed rows are kept as the record of what was sent to whom.
create table mail_outbox (
    id              uuid primary key,
    kind            text not null,
    -- The event the mail is about (e.g. LOT_READY_FOR_PICKUP:<lot id>): the same event delivered twice is one mail.
    event_key       text not null,
    recipient       text not null,
    subject         text not null,
    body_text       text not null,
    body_html       text,
    link            text not null,
    status          text not null default 'PENDING',
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    constraint mail_outbox_status check (status in ('PENDING', 'SENT', 'FAILED')),
    constraint mail_outbox_sent_at check ((status = 'SENT') = (sent_at is not null)),
    constraint mail_outbox_once unique (event_key, recipient)
);

create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_by_status on mail_outbox (status, created_at desc);
