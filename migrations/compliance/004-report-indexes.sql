--liquibase formatted sql

--changeset itad:compliance-004
-- Indexes behind the period reports (read-only aggregate queries over the other modules' tables): each report
-- reads only the rows of its period through one of these; the covering ones (include ...) let the counts of
-- certificates and closed retirements be answered from the index alone.
create index compliance_retirement_closed on retirement_request (closed_at) include (id, asset_id, vendor_id, destination)
    where status = 'CLOSED';
create index compliance_retirement_settled on retirement_request (settled_at) where settled_at is not null;
create index compliance_medium_performed on medium_sanitization (performed_at);
create index compliance_certificate_issued on certificate (issued_at) include (type);
create index compliance_certificate_status_changed on certificate (status_changed_at) include (type, status)
    where status <> 'VALID';
create index compliance_erasure_exception_created on erasure_exception (created_at);
create index compliance_seat_reclaimed on seat_assignment (released_at)
    where released_at is not null and asset_id is not null and released_by is null;
