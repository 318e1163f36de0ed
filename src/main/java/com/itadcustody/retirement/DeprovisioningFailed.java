package com.itadcustody.retirement;

/**
 * A connector could not de-provision the asset: the system refused (4xx) or could not be reached or kept failing
 * (5xx, timeout, I/O error) after the connector's own retries. The workflow records the failure in the custody log
 * and fails its job; when the job's retries run out the process engine opens an incident for IT staff.
 */
public class DeprovisioningFailed extends RuntimeException {

    private final DeprovisioningAttestation.System system;
    private final Integer httpStatus;
    private final int attempts;

    public DeprovisioningFailed(DeprovisioningAttestation.System system, String message, Integer httpStatus,
            int attempts, Throwable cause) {
        super(message, cause);
        this.system = system;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    /** The system that failed. */
    public DeprovisioningAttestation.System system() {
        return system;
    }

    /** The last status code received, if any. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** How many calls were made. */
    public int attempts() {
        return attempts;
    }
}
