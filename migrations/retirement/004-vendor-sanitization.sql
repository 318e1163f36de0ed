--liquibase formatted sql

--changeset itad:retirement-004
-- The vendor that sanitizes the asset's media (on-site service), or null when IT staff do it in-house.
alter table retirement_request add column sanitization_vendor_id uuid;
alter table retirement_batch add column sanitization_vendor_id uuid;
