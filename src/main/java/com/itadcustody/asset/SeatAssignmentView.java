package com.itadcustody.asset;

import java.time.Instant;
import java.util.UUID;

/**
 * A license seat assigned to an asset, with the pool it comes from.
 *
 * @param id the seat assignment's id
 * @param poolId the license pool the seat belongs to
 * @param publisher the software publisher, e.g. {@code Microsoft}
 * @param product the licensed product
 * @param metric how the pool is licensed: {@code PER_USER}, {@code PER_DEVICE}, {@code CONCURRENT} or
 *     {@code SUBSCRIPTION}
 * @param assetId the asset holding the seat
 * @param assignedAt when the seat was assigned
 * @param assignedBy the user id of whoever assigned it (null for the system)
 */
public record SeatAssignmentView(
        UUID id,
        UUID poolId,
        String publisher,
        String product,
        String metric,
        UUID assetId,
        Instant assignedAt,
        UUID assignedBy) {
}
