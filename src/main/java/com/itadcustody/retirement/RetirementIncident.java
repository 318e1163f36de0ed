package com.itadcustody.retirement;

import java.time.Instant;
import java.util.UUID;

/**
 * An open incident of a retirement or lot process: a step the engine gave up on after its retries (e.g. a
 * de-provisioning connector that kept failing). The process waits there until IT staff fix the cause and retry.
 *
 * @param id the engine's incident id
 * @param process {@code asset-retirement} or {@code lot-handoff}
 * @param retirementId the retirement request (asset-retirement)
 * @param lotId the lot (lot-handoff)
 * @param activityId the step that failed, e.g. {@code Task_RunDeprovisioningConnectors}
 * @param message the failure's message
 * @param occurredAt when the incident was opened
 */
public record RetirementIncident(String id, String process, UUID retirementId, UUID lotId, String activityId,
        String message, Instant occurredAt) {
}
