package com.itadcustody.asset.license;

import java.time.Instant;
import java.util.UUID;

/**
 * A seat assignment as answered by the API.
 *
 * @param id the assignment's id
 * @param poolId the pool the seat comes from
 * @param assetId the asset holding a device seat
 * @param assignee the person holding a user seat
 * @param active whether the seat is still assigned
 * @param assignedAt when it was assigned
 * @param assignedBy who assigned it (user id)
 * @param releasedAt when it was released
 * @param releasedBy who released it (user id)
 */
record SeatResponse(UUID id, UUID poolId, UUID assetId, String assignee, boolean active, Instant assignedAt,
        UUID assignedBy, Instant releasedAt, UUID releasedBy) {

    static SeatResponse of(SeatAssignment s) {
        return new SeatResponse(s.id(), s.poolId(), s.assetId(), s.assignee(), s.active(), s.assignedAt(),
                s.assignedBy(), s.releasedAt(), s.releasedBy());
    }
}
