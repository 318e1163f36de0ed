package com.itadcustody.retirement;

import com.itadcustody.asset.AssetSummary;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The custody events the workflow's steps append for an asset (no medium, no place, no evidence files). */
final class WorkflowEvents {

    private WorkflowEvents() {
    }

    /** A new event of this type for the asset, recorded now by the actor. */
    static CustodyEvent of(AssetSummary asset, String type, Actor actor, Map<String, Object> data) {
        return new CustodyEvent(UUID.randomUUID(), asset.id(), asset.serialNumber(), null, type, Instant.now(),
                actor, null, List.of(), data);
    }
}
