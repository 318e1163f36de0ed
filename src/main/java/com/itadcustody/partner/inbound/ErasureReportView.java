package com.itadcustody.partner.inbound;

import java.time.Instant;
import java.util.UUID;

/**
 * An erasure report as received and processed.
 *
 * @param id the report's id
 * @param vendorId the vendor it came from
 * @param fileName the file's name as delivered
 * @param format the layout it was read as
 * @param sha256 hex SHA-256 of the original bytes (the custody events' evidence)
 * @param sizeBytes the file's size
 * @param source UPLOAD or DROP
 * @param receivedAt when it arrived
 * @param status PROCESSING or PROCESSED
 * @param records how many records it holds
 * @param applied how many were recorded as sanitizations (passed or failed)
 * @param exceptions how many went to the exceptions queue
 * @param finishedAt when its processing finished
 */
@org.springframework.modulith.NamedInterface("erasure-reports")
public record ErasureReportView(UUID id, UUID vendorId, String fileName, String format, String sha256,
        long sizeBytes, String source, Instant receivedAt, String status, int records, int applied, int exceptions,
        Instant finishedAt) {
}
