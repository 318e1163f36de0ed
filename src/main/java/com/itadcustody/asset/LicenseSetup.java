package com.itadcustody.asset;

import com.itadcustody.shared.Actor;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The asset module's API for setting up device license pools and their seats in bulk (the same rules and custody
 * events as the license API), used by the sample-data generator.
 */
public interface LicenseSetup {

    /** Creates a {@code PER_DEVICE} pool with every seat free and returns its id. */
    UUID createDevicePool(String publisher, String product, int seatsOwned, BigDecimal cost, String currency,
            Actor actor);

    /**
     * Assigns one seat of the pool to each of these assets in one transaction, each with its
     * {@code LICENSE_SEAT_ASSIGNED} custody event; refused as a whole with the rule that stands in the way
     * (no free seats, asset out of service, already assigned).
     */
    int assignDeviceSeats(UUID poolId, List<UUID> assetIds, Actor actor);
}
