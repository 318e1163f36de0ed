package com.itadcustody.retirement;

import java.util.UUID;

/**
 * What a connector is told about the asset to remove (sent as the JSON body by the HTTP connector).
 *
 * @param requestId stable per retirement and system: the outside system's idempotency key (a retried call sends the
 *     same id)
 * @param retirementId the retirement request
 * @param system the system to remove the asset from
 * @param assetId the asset id
 * @param assetTag the organisation's asset tag (often the device or computer name in MDM and directory)
 * @param serialNumber the manufacturer's serial number, if known
 * @param assetType the kind of device
 * @param make the manufacturer
 * @param model the model
 */
public record DeprovisioningRequest(UUID requestId, UUID retirementId, DeprovisioningAttestation.System system,
        UUID assetId, String assetTag, String serialNumber, String assetType, String make, String model) {

    /** The request id for this retirement and system: the same on every retry. */
    public static UUID requestIdOf(UUID retirementId, DeprovisioningAttestation.System system) {
        return UUID.nameUUIDFromBytes(("deprovisioning:" + retirementId + ":" + system.name())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
