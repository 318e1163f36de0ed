package com.itadcustody.retirement;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a lot's manifest is signed off and its vendor's certification is valid, so the lot waits for the
 * vendor's pickup (the notification event: listeners e-mail the vendor).
 *
 * @param lotId the lot
 * @param vendorId the vendor that picks it up
 * @param assets how many assets the lot holds
 * @param carrier the carrier
 * @param trackingNumber the carrier's tracking number, or null
 * @param pickupContact who hands the lot over
 * @param manifestSha256 SHA-256 of the signed manifest (hex)
 * @param at when the lot became ready
 */
public record LotReadyForPickup(UUID lotId, UUID vendorId, int assets, String carrier, String trackingNumber,
        String pickupContact, String manifestSha256, Instant at) {
}
