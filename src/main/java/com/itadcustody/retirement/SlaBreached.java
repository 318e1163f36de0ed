package com.itadcustody.retirement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published when a workflow step misses its SLA (the notification event: listeners e-mail the asset managers); the
 * step stays open and an asset manager's follow-up task is created.
 *
 * @param retirementId the retirement whose step is overdue, or null for a lot step
 * @param lotId the lot whose step is overdue, or null for a retirement step
 * @param assetIds the assets concerned
 * @param step the overdue activity id (e.g. {@code Task_ConfirmPickup})
 * @param sla the SLA that was missed, as an ISO-8601 duration
 * @param at when the breach was recorded
 */
public record SlaBreached(UUID retirementId, UUID lotId, List<UUID> assetIds, String step, String sla, Instant at) {
}
