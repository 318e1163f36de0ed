--liquibase formatted sql

--changeset itad:certificate-002-search-indexes splitStatements:false
-- The staff console's certificate list searches the number and the medium serial as a substring (ILIKE '%...%'):
-- trigram indexes keep that an index lookup with hundreds of thousands of certificates. pg_trgm is created by the
-- asset module's migration (asset-002) where the database allows it; without it the search scans the table.
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index certificate_number_trgm on certificate using gin (number gin_trgm_ops);
        create index certificate_medium_serial_trgm on certificate using gin (medium_serial gin_trgm_ops);
    end if;
end;
$$;
