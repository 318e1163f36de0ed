package com.itadcustody.asset.license;

import java.time.Instant;
import java.util.UUID;

/**
 * One seat of a pool given to an asset or a person; released seats are kept as history and never deleted.
 *
 * @param id the assignment's id
 * @param poolId the pool the seat comes from
 * @param assetId the asset holding a device seat, else null
 * @param assignee the person holding a user seat, else null
 * @param assignedAt when the seat was assigned
 * @param assignedBy who assigned it (user id)
 * @param releasedAt when the seat went back to the pool, null while active
 * @param releasedBy who released it (user id)
 */
record SeatAssignment(UUID id, UUID poolId, UUID assetId, String assignee, Instant assignedAt, UUID assignedBy,
        Instant releasedAt, UUID releasedBy) {

    boolean active() {
        return releasedAt == null;
    }
}
