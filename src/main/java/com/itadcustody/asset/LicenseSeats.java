package com.itadcustody.asset;

import com.itadcustody.shared.Actor;
import java.util.List;
import java.util.UUID;

/** The asset module's API for software license seats held by an asset, used when the asset is retired. */
public interface LicenseSeats {

    /**
     * Releases every active seat assigned to the asset back to its pool within the caller's transaction
     * (history kept) and returns how many were released; calling it again returns 0.
     */
    int releaseAllSeatsOf(UUID assetId, Actor actor);

    /** The seats currently assigned to the asset, oldest first; empty for an unknown asset. */
    List<SeatAssignmentView> activeSeatsOf(UUID assetId);
}
