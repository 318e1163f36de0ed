package com.itadcustody.retirement;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of a retirement waiting for a person.
 *
 * @param id the task id
 * @param step the step's activity id in the process, e.g. {@code Task_ApproveRetirement}
 * @param name the step's name
 * @param retirementId the retirement request it belongs to (null for a lot's step)
 * @param lotId the lot it belongs to (for a lot's step)
 * @param assetId the asset
 * @param mediumId the storage medium, for a step about one medium
 * @param createdAt when the step began waiting
 * @param group the role that may do it
 * @param assignee the user who claimed it (only they complete it until they release it), or null
 * @param dueAt when it is due under the SLA that applied when it started (the same moment its escalation timer
 *     has), or null for a step without an SLA
 */
public record RetirementTask(String id, String step, String name, UUID retirementId, UUID lotId, UUID assetId,
        UUID mediumId,
        Instant createdAt, String group, UUID assignee, Instant dueAt) {
}
