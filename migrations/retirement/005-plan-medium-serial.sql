--liquibase formatted sql

--changeset itad:retirement-005-plan-medium-serial
-- Vendors' erasure reports name media by serial number (VendorSanitizations.find).
create index sanitization_plan_medium_serial on sanitization_plan (medium_serial);
