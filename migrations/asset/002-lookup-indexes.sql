--liquibase formatted sql

--changeset itad:asset-002-lookup-indexes
-- The staff console finds an asset by its exact serial number or tag whatever the case (certificate search), and
-- counts assets per status for its dashboard; the unique indexes are case-sensitive.
create index asset_serial_lower on asset (lower(serial_number));
create index asset_tag_lower on asset (lower(tag));
