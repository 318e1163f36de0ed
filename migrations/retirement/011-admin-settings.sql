--liquibase formatted sql

--changeset itad:retirement-011-settings
-- Settings administrators change at runtime (issue 7, admin pages). Configuration stays the default: a system or an
-- SLA without a row here uses itad.deprovisioning.connectors.* / itad.retirement.sla.*.

-- A de-provisioning system's connector as an administrator set it: an HTTP endpoint (CONNECTOR) or none, so that IT
-- staff attest the system (MANUAL). The bearer token, a secret, stays in configuration.
create table retirement_connector_setting (
    system        text primary key,
    mode          text not null,
    url           text,
    timeout_ms    bigint not null,
    max_attempts  integer not null,
    backoff_ms    bigint not null,
    changed_at    timestamptz not null,
    changed_by    uuid,
    constraint retirement_connector_setting_system_known
        check (system in ('MDM', 'DIRECTORY', 'DEVICE_CERTIFICATES', 'REMOTE_ACCOUNTS')),
    constraint retirement_connector_setting_mode_known check (mode in ('CONNECTOR', 'MANUAL')),
    constraint retirement_connector_setting_url check (mode = 'MANUAL' or url ~* '^https?://'),
    constraint retirement_connector_setting_ranges
        check (timeout_ms > 0 and max_attempts between 1 and 10 and backoff_ms >= 0)
);

-- An SLA duration as an administrator set it (ISO-8601), read when each step's timer starts.
create table retirement_sla_setting (
    name        text primary key,
    duration    text not null,
    changed_at  timestamptz not null,
    changed_by  uuid,
    constraint retirement_sla_setting_name_known
        check (name in ('APPROVAL', 'PICKUP', 'RECEIPT', 'VENDOR_PROCESSING'))
);

-- Every change of those settings: who, when, what (old and new value as text; "configuration" when reset).
create table retirement_setting_change (
    id          uuid primary key,
    setting     text not null,
    old_value   text,
    new_value   text,
    changed_at  timestamptz not null,
    changed_by  uuid
);
create index retirement_setting_change_recent on retirement_setting_change (setting, changed_at desc);
create index retirement_setting_change_at on retirement_setting_change (changed_at desc);
