--liquibase formatted sql

--changeset itad:asset-003-status-type-index
-- The staff console's asset list counts the assets matching its status and type filters on every page. With
-- 100,000 assets that count read the whole table (65 ms for the laptops in service, 44,673 rows); from this index
-- alone it takes 9 ms (an index-only scan once the table is vacuumed). Measured on the seeded database
-- (docs/benchmarks.md, staff console).
create index asset_status_type on asset (status, type);
