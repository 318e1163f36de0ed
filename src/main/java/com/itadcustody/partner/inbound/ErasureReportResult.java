package com.itadcustody.partner.inbound;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of delivering an erasure report, record by record.
 *
 * @param report the report (for a duplicate delivery: the report first delivered, unchanged)
 * @param duplicate whether this delivery repeated a file already received from the vendor (nothing was applied)
 * @param lines one outcome per record, in file order (empty for a duplicate)
 */
public record ErasureReportResult(ErasureReportView report, boolean duplicate, List<Line> lines) {

    /**
     * One record's outcome.
     *
     * @param line its line (CSV) or position (JSON, XML)
     * @param mediumSerial the serial it names
     * @param outcome APPLIED (recorded as a passed sanitization), APPLIED_FAILED (recorded as a failed one, and an
     *     exception raised for IT staff) or EXCEPTION (not applied)
     * @param kind the exception's kind, if one was raised
     * @param rule the rule, if one was raised
     * @param message why, for people
     * @param exceptionId the exception raised, if any
     */
    public record Line(int line, String mediumSerial, String outcome, String kind, String rule, String message,
            UUID exceptionId) {
    }
}
