package com.itadcustody.partner.inbound;

import java.time.Instant;
import java.util.UUID;

/**
 * A record of an erasure report that a person must look at.
 *
 * @param id the exception's id
 * @param reportId the report it came from (for a duplicate delivery: the report first delivered)
 * @param vendorId the vendor
 * @param line the record's line or position in the file; null for a whole file
 * @param mediumSerial the serial the record names
 * @param kind UNKNOWN_SERIAL, FAILED_ERASURE, INCONSISTENT, ALREADY_SANITIZED, STEP_NOT_OPEN or DUPLICATE_REPORT
 * @param rule the rule that caught it, e.g. {@code method-mismatch}
 * @param message what is wrong, for people
 * @param retirementId the retirement of the medium, when it was matched
 * @param mediumId the medium, when it was matched
 * @param state OPEN or RESOLVED
 * @param resolution how it was resolved
 * @param resolvedBy who resolved it
 * @param resolvedAt when
 * @param createdAt when it was raised
 */
@org.springframework.modulith.NamedInterface("erasure-reports")
public record ErasureExceptionView(UUID id, UUID reportId, UUID vendorId, Integer line, String mediumSerial,
        String kind, String rule, String message, UUID retirementId, UUID mediumId, String state, String resolution,
        UUID resolvedBy, Instant resolvedAt, Instant createdAt) {
}
