--liquibase formatted sql

--changeset itad:asset-002-lookup-indexes
-- The staff console finds an asset by its exact serial number or tag whatever the case (certificate search), and
-- sorts the asset list by when assets were registered or last changed; the unique indexes are case-sensitive.
create index asset_serial_lower on asset (lower(serial_number));
create index asset_tag_lower on asset (lower(tag));
create index asset_updated_at on asset (updated_at);
create index asset_created_at on asset (created_at);

--changeset itad:asset-002-trigram-search splitStatements:false
-- The asset list's search ("q": a substring of tag, serial number or model, any case) is an ILIKE '%...%' on three
-- columns: with 100,000 assets a sequential scan took about 400 ms, with trigram indexes about 2 ms. pg_trgm ships
-- with PostgreSQL (and the embedded one) and is a trusted extension, so the schema owner may create it; where it is
-- missing or refused the search still works, only slower.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        begin
            create extension if not exists pg_trgm;
            create index asset_tag_trgm on asset using gin (tag gin_trgm_ops);
            create index asset_serial_trgm on asset using gin (serial_number gin_trgm_ops);
            create index asset_model_trgm on asset using gin (model gin_trgm_ops);
        exception when insufficient_privilege then
            raise notice 'pg_trgm not created (no privilege): the asset search runs without trigram indexes';
        end;
    end if;
end;
$$;
