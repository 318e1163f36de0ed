package com.itadcustody.partner.inbound;

import com.itadcustody.certificate.SanitizationRecord.SanitizationMethodType;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import java.time.OffsetDateTime;

/**
 * One drive's erasure as a vendor's report states it, in the generic fields of docs/erasure-report-format.md
 * whatever the file's layout.
 *
 * @param line the record's line in a CSV file (the header is line 1), or its position (from 1) in JSON and XML
 * @param mediumSerial the storage medium's serial number (required)
 * @param assetSerial the serial of the computer it was in, if the report gives it
 * @param methodType Clear, Purge or Destroy; null when a tool's report names no NIST SP 800-88 method (see
 *     {@code problem})
 * @param technique the technique; null as for {@code methodType}
 * @param methodDetails the tool's own words for the method, if it gives them
 * @param tool the erasure software (required for Clear and Purge)
 * @param toolVersion its version
 * @param operator the person who ran it
 * @param passed whether the erasure passed
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param verificationMethod the tool's or operator's verification
 * @param notes anything else
 * @param problem why a tool's record cannot be read as a sanitization (e.g. an unknown erasure standard), or null
 */
record ErasureRecord(int line, String mediumSerial, String assetSerial, SanitizationMethodType methodType,
        SanitizationTechnique technique, String methodDetails, String tool, String toolVersion, String operator,
        boolean passed, OffsetDateTime startedAt, OffsetDateTime finishedAt, VerificationMethod verificationMethod,
        String notes, String problem) {
}
