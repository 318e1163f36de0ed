package com.itadcustody.retirement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Progress of retirements started for many assets at once.
 *
 * @param id the batch id
 * @param total how many assets
 * @param processed how many were handled so far
 * @param started how many retirements were started
 * @param refused how many assets were refused (each listed in {@code refusals})
 * @param done whether every asset was handled
 * @param createdAt when the batch was submitted
 * @param finishedAt when the last asset was handled
 * @param refusals the assets that were refused, with the rule and why (at most the first 1,000)
 */
public record RetirementBatchView(UUID id, int total, int processed, int started, int refused, boolean done,
        Instant createdAt, Instant finishedAt, List<Refusal> refusals) {

    /** One refused asset. */
    public record Refusal(int position, UUID assetId, String rule, String message) {
    }
}
