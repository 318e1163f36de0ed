package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.DeprovisioningAttestation;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * De-provisioning connectors: one optional HTTP endpoint per system ({@code itad.deprovisioning.connectors.mdm.url},
 * {@code .directory.}, {@code .device-certificates.}, {@code .remote-accounts.}); a system without one is attested by
 * IT staff. See docs/operations.md.
 *
 * @param retryCycle how the process engine retries the connectors step when a connector still fails after its own
 *     retries (a Camunda retry time cycle, e.g. {@code R3/PT5M}: three more runs, five minutes apart); then an
 *     incident is opened for IT staff
 * @param connectors the configured systems
 */
@ConfigurationProperties("itad.deprovisioning")
public record DeprovisioningProperties(@DefaultValue("R3/PT5M") String retryCycle,
        Map<DeprovisioningAttestation.System, Connector> connectors) {

    /** The most one connectors step may take in the worst case: below the job executor's 5-minute lock. */
    public static final Duration MAX_STEP = Duration.ofMinutes(4);

    public DeprovisioningProperties {
        if (retryCycle == null || retryCycle.isBlank()) {
            throw new IllegalArgumentException("itad.deprovisioning.retry-cycle must not be blank");
        }
        connectors = connectors == null ? Map.of() : Map.copyOf(connectors);
        Duration worst = Duration.ZERO;
        for (Map.Entry<DeprovisioningAttestation.System, Connector> e : connectors.entrySet()) {
            e.getValue().validate(e.getKey());
            if (e.getValue().configured()) {
                worst = worst.plus(e.getValue().worstCase());
            }
        }
        if (worst.compareTo(MAX_STEP) > 0) {
            throw new IllegalArgumentException("itad.deprovisioning.connectors: all connectors together may take "
                    + worst + " in the worst case (attempts x timeout + backoff); keep it under " + MAX_STEP
                    + ", the job executor's lock time");
        }
    }

    /**
     * One system's HTTP endpoint.
     *
     * @param url where to POST the asset (http or https); blank: no connector, IT staff attest the system
     * @param timeout how long one call may take until the answer's headers
     * @param maxAttempts calls in all, the first included (retried on 5xx, 408, 429, timeouts and I/O errors)
     * @param backoff the wait before the second call; doubled before each further call
     * @param token a bearer token sent in the Authorization header, if given
     */
    public record Connector(URI url, @DefaultValue("10s") Duration timeout, @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration backoff, String token) {

        /** Whether an endpoint is given. */
        public boolean configured() {
            return url != null && !url.toString().isBlank();
        }

        void validate(DeprovisioningAttestation.System system) {
            String prefix = "itad.deprovisioning.connectors." + system.name().toLowerCase().replace('_', '-') + ".";
            if (configured() && !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                    || configured() && url.getHost() == null) {
                throw new IllegalArgumentException(prefix + "url must be an absolute http or https URL: " + url);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(prefix + "timeout must be positive");
            }
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException(prefix + "max-attempts must be between 1 and 10");
            }
            if (backoff.isNegative()) {
                throw new IllegalArgumentException(prefix + "backoff must not be negative");
            }
        }

        /** Every attempt timing out, with the backoff between them. */
        public Duration worstCase() {
            Duration total = timeout.multipliedBy(maxAttempts);
            for (int attempt = 2; attempt <= maxAttempts; attempt++) {
                total = total.plus(HttpDeprovisioningConnector.backoffBefore(attempt, backoff));
            }
            return total;
        }
    }
}
