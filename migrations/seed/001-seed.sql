--liquibase formatted sql

--changeset itad:seed-001
-- Bookkeeping of the sample-data generator (module seed, docs/seed-data.md): one row per phase it ran (setup,
-- assets, licenses, each wave of retirements), with the real time it ran and the time span its domain timestamps
-- are moved to. Empty in a database nobody seeded.
create table seed_phase (
    id            bigint generated always as identity primary key,
    name          text not null,
    real_from     timestamptz not null,
    real_to       timestamptz,          -- null while it runs, or if the run was interrupted
    shown_from    timestamptz,          -- null: its timestamps stay as they are
    shown_to      timestamptz,
    backdated_at  timestamptz,
    constraint seed_phase_shown_span check ((shown_from is null) = (shown_to is null) and (shown_from is null or shown_from < shown_to))
);
create index seed_phase_name on seed_phase (name);
