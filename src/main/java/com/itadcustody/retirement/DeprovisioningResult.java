package com.itadcustody.retirement;

import java.time.Instant;

/**
 * A connector's answer for one system, kept as the evidence of its de-provisioning.
 *
 * @param outcome done, or not applicable to this asset (the system did not know it)
 * @param endpoint where the connector called
 * @param httpStatus the answer's status code (null for connectors that do not speak HTTP)
 * @param responseBody the answer's body as text, cut at the connector's limit
 * @param responseSha256 lower-case hex SHA-256 of the answer's bytes as received
 * @param responseMediaType the answer's content type, if given
 * @param requestId the idempotency key sent
 * @param attempts how many calls it took
 * @param startedAt when the first call started
 * @param durationMillis from the first call to the answer, backoff included
 */
public record DeprovisioningResult(DeprovisioningAttestation.Outcome outcome, String endpoint, Integer httpStatus,
        String responseBody, String responseSha256, String responseMediaType, String requestId, int attempts,
        Instant startedAt, long durationMillis) {

    /** One line for the evidence column and the custody event. */
    public String summary() {
        return "connector " + endpoint + (httpStatus == null ? "" : " answered HTTP " + httpStatus)
                + ", request " + requestId + ", response SHA-256 " + responseSha256 + ", " + attempts
                + (attempts == 1 ? " attempt" : " attempts");
    }
}
