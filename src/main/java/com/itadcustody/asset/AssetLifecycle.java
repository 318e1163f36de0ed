package com.itadcustody.asset;

import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.shared.Actor;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The asset module's API for the retirement workflow: moves an asset along its guarded lifecycle and records
 * each move in the custody log.
 */
@Service
public class AssetLifecycle {

    private final AssetRegistry registry;

    AssetLifecycle(AssetRegistry registry) {
        this.registry = registry;
    }

    /**
     * Moves the asset to {@code target}; refused with a 409 rule {@code illegal-status-transition} when the
     * lifecycle does not allow it.
     */
    public void transition(UUID assetId, AssetStatus target, Actor actor, String reason) {
        registry.transition(assetId, target, actor, reason);
    }

    /** The asset's current status; 404 if it does not exist. */
    public AssetStatus statusOf(UUID assetId) {
        return registry.get(assetId).status();
    }
}
