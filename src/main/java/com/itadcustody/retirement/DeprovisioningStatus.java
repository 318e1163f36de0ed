package com.itadcustody.retirement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the de-provisioning of a retirement stands, system by system, and the open incident if the connectors
 * step failed.
 *
 * @param retirementId the retirement request
 * @param systems one entry per system, in the order of {@link DeprovisioningAttestation.System}
 * @param incident the open incident of the retirement's process, if any (e.g. a connector that kept failing)
 */
public record DeprovisioningStatus(UUID retirementId, List<SystemStatus> systems, RetirementIncident incident) {

    /** How a system is (or will be) de-provisioned. */
    public enum Method { CONNECTOR, MANUAL }

    /** Where one system stands. */
    public enum State {
        /** Recorded as done or not applicable. */
        DONE,
        /** Not yet recorded, no failure so far. */
        PENDING,
        /** Its connector failed; the latest error is given. */
        FAILED
    }

    /**
     * One system.
     *
     * @param system the system
     * @param method by its connector, or attested by IT staff (for a pending system: how it will be done now)
     * @param state done, pending or failed
     * @param outcome done or not applicable, once recorded
     * @param endpoint the connector's endpoint (configured now, or the one that answered)
     * @param evidence the evidence recorded
     * @param httpStatus the connector's answer
     * @param responseSha256 SHA-256 of the connector's answer
     * @param recordedAt when it was recorded
     * @param recordedBy who attested it (null for a connector)
     * @param failures how many times its connector failed
     * @param lastError the latest failure, if any
     * @param lastFailedAt when
     */
    public record SystemStatus(DeprovisioningAttestation.System system, Method method, State state,
            DeprovisioningAttestation.Outcome outcome, String endpoint, String evidence, Integer httpStatus,
            String responseSha256, Instant recordedAt, UUID recordedBy, int failures, String lastError,
            Instant lastFailedAt) {
    }
}
