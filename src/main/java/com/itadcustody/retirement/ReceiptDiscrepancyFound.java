package com.itadcustody.retirement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published when a vendor's receipt of a lot leaves serials missing or unexpected (the notification event: listeners
 * e-mail IT staff, who resolve the discrepancies).
 *
 * @param lotId the lot
 * @param vendorId the vendor that received it
 * @param missingSerials manifest serials the vendor did not receive
 * @param unexpectedSerials serials received but not on the manifest
 * @param at when the receipt was recorded
 */
public record ReceiptDiscrepancyFound(UUID lotId, UUID vendorId, List<String> missingSerials,
        List<String> unexpectedSerials, Instant at) {

    public ReceiptDiscrepancyFound {
        missingSerials = List.copyOf(missingSerials);
        unexpectedSerials = List.copyOf(unexpectedSerials);
    }
}
