package com.itadcustody.asset.license;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Whom to give a seat: exactly one of an asset (device seat) or a person identifier (user seat).
 *
 * @param assetId the asset, for a device seat
 * @param assignee a person identifier such as an email, for a user seat
 */
record SeatRequest(
        @Schema(description = "the asset, for a device seat; not with assignee") UUID assetId,
        @Size(max = SeatTarget.MAX_ASSIGNEE_LENGTH)
        @Schema(description = "a person identifier such as an email, for a user seat; not with assetId",
                example = "alice@example.com") String assignee) {

    SeatTarget target() {
        return new SeatTarget(assetId, assignee);
    }
}
