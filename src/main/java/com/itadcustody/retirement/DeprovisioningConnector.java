package com.itadcustody.retirement;

/**
 * Removes a retired asset from one outside system (MDM, directory, device certificates, remote accounts) on its
 * own, instead of IT staff attesting it by hand. The retirement workflow calls the connector of every system that
 * has one; a system without a connector is attested by IT staff ({@link Retirements#attestDeprovisioning}).
 *
 * <p>Implementations must be safe to call again with the same {@link DeprovisioningRequest#requestId()}: a job that
 * fails after the outside system acted is retried. The built-in implementation is an HTTP call configured per system
 * ({@code itad.deprovisioning.connectors.<system>.*}); a Spring bean implementing this interface serves its system
 * instead (at most one connector per system).
 */
public interface DeprovisioningConnector {

    /** The system this connector removes assets from. */
    DeprovisioningAttestation.System system();

    /** Where it calls, for the evidence and the staff pages (an URL, never a secret). */
    String endpoint();

    /**
     * Removes the asset from the system, retrying transient failures itself.
     *
     * @return the outcome and the evidence (the system's answer)
     * @throws DeprovisioningFailed when the system refused or could not be reached after the connector's retries
     */
    DeprovisioningResult deprovision(DeprovisioningRequest request);
}
