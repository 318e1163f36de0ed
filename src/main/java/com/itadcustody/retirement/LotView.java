package com.itadcustody.retirement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lot: retired assets handed to one vendor in one pickup, its manifest, receipt and discrepancies.
 *
 * @param id the lot id (business key of its lot-handoff process)
 * @param vendorId the vendor
 * @param status OPEN, SIGNED_OFF, PICKED_UP, RECEIVED or RELEASED
 * @param carrier the carrier
 * @param trackingNumber the carrier's tracking number
 * @param pickupContact who hands the lot over
 * @param manifestSha256 SHA-256 of the manifest as signed off (hex), once signed off
 * @param createdAt when the lot was made
 * @param items the assets in the lot
 * @param discrepancies missing or extra serials at receipt and how they were resolved
 * @param openTask the step the lot waits at
 */
public record LotView(UUID id, UUID vendorId, String status, String carrier, String trackingNumber,
        String pickupContact, String manifestSha256, Instant createdAt, List<Item> items,
        List<Discrepancy> discrepancies, String openTask) {

    /** One asset of the lot. */
    public record Item(UUID retirementId, UUID assetId, String assetSerial, String assetTag, String sealNumber,
            String outcome) {
    }

    /** A serial missing from the receipt, or received but not on the manifest. */
    public record Discrepancy(String kind, String serial, String resolution) {
    }
}
