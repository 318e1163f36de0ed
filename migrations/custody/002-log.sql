--liquibase formatted sql

--changeset itad:custody-002-inbox-fields
-- What the envelope needs beyond the first inbox columns.
alter table custody_inbox
    add column asset_serial   text,
    add column medium_serial  text,
    add column actor_org      uuid,
    add column location       text,
    add column evidence       jsonb not null default '[]'::jsonb;

--changeset itad:custody-002-log
-- The log itself: one row per sequenced event, gap-free from 0. The envelope bytes are what is hashed.
create table custody_entry (
    seq          bigint primary key,
    event_id     uuid not null,
    asset_id     uuid not null,
    envelope     bytea not null,
    leaf_hash    bytea not null,
    recorded_at  timestamptz not null,
    constraint custody_entry_event_unique unique (event_id),
    constraint custody_entry_seq_not_negative check (seq >= 0),
    constraint custody_entry_leaf_hash_size check (octet_length(leaf_hash) = 32)
);
create index custody_entry_asset on custody_entry (asset_id, seq);

-- Hash of every perfect subtree once it is complete: level 0 are the leaves; the node (level, idx) covers leaves
-- [idx * 2^level, (idx + 1) * 2^level). Any inclusion or consistency proof needs O(log n) of these rows.
create table custody_tree_node (
    level  smallint not null,
    idx    bigint not null,
    hash   bytea not null,
    primary key (level, idx),
    constraint custody_tree_node_hash_size check (octet_length(hash) = 32)
);

-- Public keys the log has signed checkpoints with (C2SP signed-note verifier keys); private keys live outside.
create table custody_log_key (
    key_id        text primary key,
    key_name      text not null,
    verifier_key  text not null,
    created_at    timestamptz not null default now()
);

-- Every signed tree head ever issued.
create table custody_checkpoint (
    tree_size    bigint primary key,
    root_hash    bytea not null,
    note         text not null,
    key_id       text not null references custody_log_key (key_id),
    issued_at    timestamptz not null,
    tsa_token    bytea,
    constraint custody_checkpoint_root_size check (octet_length(root_hash) = 32)
);

--changeset itad:custody-002-immutable splitStatements:false
-- Nobody rewrites the log: row triggers refuse UPDATE and DELETE, a statement trigger refuses TRUNCATE, and the
-- application role keeps only SELECT and INSERT. (A superuser can still disable triggers; signed checkpoints held
-- outside the database are what detects that.)
create function custody_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the custody log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger custody_entry_no_update before update or delete on custody_entry
    for each row execute function custody_refuse_change();
create trigger custody_entry_no_truncate before truncate on custody_entry
    for each statement execute function custody_refuse_change();
create trigger custody_tree_node_no_update before update or delete on custody_tree_node
    for each row execute function custody_refuse_change();
create trigger custody_tree_node_no_truncate before truncate on custody_tree_node
    for each statement execute function custody_refuse_change();
create trigger custody_checkpoint_no_update before update or delete on custody_checkpoint
    for each row execute function custody_refuse_change();
create trigger custody_checkpoint_no_truncate before truncate on custody_checkpoint
    for each statement execute function custody_refuse_change();
create trigger custody_log_key_no_update before update or delete on custody_log_key
    for each row execute function custody_refuse_change();
create trigger custody_log_key_no_truncate before truncate on custody_log_key
    for each statement execute function custody_refuse_change();

do $$
declare
    grantee_role text;
begin
    for grantee_role in
        select distinct grantee from information_schema.role_table_grants
        where table_schema = 'public'
          and table_name in ('custody_entry', 'custody_tree_node', 'custody_checkpoint', 'custody_log_key')
          and grantee <> current_user
    loop
        execute format('revoke update, delete, truncate, references, trigger on custody_entry, custody_tree_node, '
            || 'custody_checkpoint, custody_log_key from %I', grantee_role);
    end loop;
end;
$$;
