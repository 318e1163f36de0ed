--liquibase formatted sql

--changeset itad:asset-001
create table asset (
    id             uuid primary key,
    tag            text not null,
    serial_number  text,
    type           text not null,
    make           text,
    model          text,
    purchase_date  date,
    purchase_cost  numeric(14, 2),
    currency       char(3),
    warranty_end   date,
    location       text,
    custodian      text,
    department     text,
    status         text not null default 'IN_SERVICE',
    version        integer not null default 0,
    created_at     timestamptz not null,
    created_by     uuid,
    updated_at     timestamptz not null,
    updated_by     uuid,
    constraint asset_tag_unique unique (tag),
    constraint asset_type_known check (type in ('LAPTOP','DESKTOP','SERVER','PHONE','TABLET','STORAGE_ARRAY','NETWORK','PRINTER','OTHER')),
    constraint asset_status_known check (status in ('IN_SERVICE','RETIREMENT_REQUESTED','RETIREMENT_APPROVED','SANITIZED','RELEASED_TO_VENDOR','RECEIVED_BY_VENDOR','DISPOSED','LOST','ARCHIVED')),
    constraint asset_cost_has_currency check ((purchase_cost is null) or (currency is not null)),
    constraint asset_cost_not_negative check (purchase_cost is null or purchase_cost >= 0)
);
create unique index asset_serial_unique on asset (serial_number) where serial_number is not null;
create index asset_status on asset (status);
create index asset_type on asset (type);
create index asset_location on asset (location);

create table storage_medium (
    id                         uuid primary key,
    -- keeps media in the order they were registered (ids are random, timestamps equal within one request)
    position                   bigint generated always as identity,
    asset_id                   uuid not null references asset (id),
    media_type                 text not null,
    make                       text,
    model                      text,
    serial_number              text not null,
    capacity_bytes             bigint,
    self_encrypting            boolean not null default false,
    encrypted_from_first_use   boolean not null default false,
    created_at                 timestamptz not null,
    created_by                 uuid,
    constraint storage_medium_serial_unique unique (serial_number),
    constraint storage_medium_type_known check (media_type in ('HDD_ATA','HDD_SCSI','SSD_SATA','SSD_SCSI','NVME','USB_FLASH','MEMORY_CARD','MAGNETIC_TAPE','OPTICAL','MOBILE_INTERNAL_FLASH')),
    constraint storage_medium_capacity_positive check (capacity_bytes is null or capacity_bytes > 0)
);
create index storage_medium_asset on storage_medium (asset_id);

create table license_pool (
    id            uuid primary key,
    publisher     text not null,
    product       text not null,
    metric        text not null,
    seats_owned   integer not null,
    renewal_date  date,
    cost          numeric(14, 2),
    currency      char(3),
    version       integer not null default 0,
    created_at    timestamptz not null,
    created_by    uuid,
    updated_at    timestamptz not null,
    updated_by    uuid,
    constraint license_pool_metric_known check (metric in ('PER_USER','PER_DEVICE','CONCURRENT','SUBSCRIPTION')),
    constraint license_pool_seats_not_negative check (seats_owned >= 0),
    constraint license_pool_cost_has_currency check ((cost is null) or (currency is not null)),
    constraint license_pool_cost_not_negative check (cost is null or cost >= 0)
);

create table seat_assignment (
    id           uuid primary key,
    pool_id      uuid not null references license_pool (id),
    asset_id     uuid references asset (id),
    assignee     text,
    assigned_at  timestamptz not null,
    assigned_by  uuid,
    released_at  timestamptz,
    released_by  uuid,
    constraint seat_assignment_one_target check ((asset_id is null) <> (assignee is null))
);
create index seat_assignment_pool_active on seat_assignment (pool_id) where released_at is null;
create index seat_assignment_asset on seat_assignment (asset_id);
create unique index seat_assignment_asset_once on seat_assignment (pool_id, asset_id) where released_at is null and asset_id is not null;
create unique index seat_assignment_assignee_once on seat_assignment (pool_id, lower(assignee)) where released_at is null and assignee is not null;
