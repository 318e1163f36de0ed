-- ITAD Custody: database and roles on an external PostgreSQL 14+.
--
-- Run once, as a superuser (or a role with CREATEROLE and CREATEDB), connected to an existing database
-- such as "postgres". It is idempotent: running it again only resets the passwords and the grants.
--
--   psql -v ON_ERROR_STOP=1 -h db.example.org -U postgres -d postgres \
--        -v database=itad -v owner=itad_owner -v app=itad_app \
--        -v owner_password="$ITAD_DB_MIGRATION_PASSWORD" -v app_password="$ITAD_DB_PASSWORD" \
--        -f migrations/roles.sql
--
-- Then start the service with
--   ITAD_DB_URL=jdbc:postgresql://db.example.org:5432/itad
--   ITAD_DB_USER=itad_app    ITAD_DB_PASSWORD=...              (the application role: data rights only)
--   ITAD_DB_MIGRATION_USER=itad_owner ITAD_DB_MIGRATION_PASSWORD=...  (the schema owner: runs Liquibase)
--
-- The statements mirror com.itadcustody.shared.database.DatabaseRoles#provision, which does the same for the
-- embedded database and the tests; change both together. Names must be plain lower-case identifiers.

\set ON_ERROR_STOP on

-- Defaults for variables not given with -v.
\if :{?database}
\else
  \set database itad
\endif
\if :{?owner}
\else
  \set owner itad_owner
\endif
\if :{?app}
\else
  \set app itad_app
\endif
\if :{?owner_password}
\else
  do $$ begin raise exception 'owner_password is not set: pass -v owner_password=...'; end $$;
\endif
\if :{?app_password}
\else
  do $$ begin raise exception 'app_password is not set: pass -v app_password=...'; end $$;
\endif

-- 1. The two login roles. The schema owner runs the migrations; the application role only reads and
--    writes data. Neither is a superuser, and neither may create roles or databases.
select format('create role %I login', :'owner')
 where not exists (select 1 from pg_roles where rolname = :'owner') \gexec
select format('create role %I login', :'app')
 where not exists (select 1 from pg_roles where rolname = :'app') \gexec
select format('alter role %I with login password %L', :'owner', :'owner_password') \gexec
select format('alter role %I with login password %L', :'app', :'app_password') \gexec

-- 2. The database, owned by the schema owner. Nobody else may connect except the application role,
--    which may also create temporary tables (the JDBC driver and Camunda's queries may use them).
select format('create database %I owner %I encoding %L', :'database', :'owner', 'UTF8')
 where not exists (select 1 from pg_database where datname = :'database') \gexec
revoke all on database :"database" from public;
grant connect, temporary on database :"database" to :"app";

-- 3. Inside the new database: the schema "public" belongs to the owner, PUBLIC may no longer create objects
--    in it (PostgreSQL 15+ already defaults to that; 14 does not), and the application role may use it.
\connect :"database"
alter schema public owner to :"owner";
revoke create on schema public from public;
grant usage on schema public to :"app";

-- 4. Every table and sequence the owner creates from now on (that is, every migration) is readable and
--    writable by the application role: DML only. No TRUNCATE, REFERENCES or TRIGGER, and no DDL, since the
--    application role owns nothing. Later migrations may revoke more on particular tables (the custody log
--    allows SELECT and INSERT only).
alter default privileges for role :"owner" in schema public
    grant select, insert, update, delete on tables to :"app";
alter default privileges for role :"owner" in schema public
    grant usage, select on sequences to :"app";

\echo 'Database' :database 'with schema owner' :owner 'and application role' :app 'is ready.'
