package com.itadcustody.retirement;

import java.time.Instant;
import java.util.UUID;

/**
 * A retirement request (the business key of its asset-retirement process instance).
 *
 * @param id the request id
 * @param assetId the asset to retire
 * @param reason why it is retired
 * @param confidentiality the confidentiality of the asset's data
 * @param destination where its media go next
 * @param status where the request stands
 * @param requestedBy who asked (user id)
 * @param requestedAt when
 * @param decidedBy the asset manager who approved or rejected it
 * @param decidedAt when
 * @param decisionComment the decision's comment
 * @param closedBy who cancelled it
 * @param closedAt when it was cancelled or closed
 * @param closeReason why it was cancelled
 * @param backupLocation where the data was backed up (when it was)
 * @param licensesReleased how many license seats were released
 * @param sanitizationVendorId the vendor that sanitizes the media on site, or null when IT staff do it in-house
 * @param openTask the id of the step waiting now (the process's user task), if any
 */
public record RetirementView(UUID id, UUID assetId, String reason, DataConfidentiality confidentiality,
        AssetDestination destination, RetirementStatus status, UUID requestedBy,
        Instant requestedAt, UUID decidedBy, Instant decidedAt, String decisionComment, UUID closedBy,
        Instant closedAt, String closeReason, String backupLocation, Integer licensesReleased,
        UUID sanitizationVendorId, String openTask) {

    /** The same request with the step that waits now. */
    public RetirementView withOpenTask(String task) {
        return new RetirementView(id, assetId, reason, confidentiality, destination, status, requestedBy,
                requestedAt, decidedBy, decidedAt, decisionComment, closedBy, closedAt, closeReason, backupLocation,
                licensesReleased, sanitizationVendorId, task);
    }
}
