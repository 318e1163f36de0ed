package com.itadcustody.vendor;

import com.itadcustody.shared.Actor;
import java.util.UUID;

/**
 * Each vendor's shared secret for signing its webhook deliveries (HMAC-SHA256). The secret is shown once when it
 * is made and kept encrypted; only this module ever sees it in clear.
 */
public interface WebhookSecrets {

    /** Makes a new secret for the vendor, replacing any earlier one, and returns it (administrators; 404 unknown). */
    String rotate(UUID vendorId, Actor actor);

    /** Whether the vendor has a webhook secret. */
    boolean hasSecret(UUID vendorId);

    /**
     * Whether {@code signature} is the HMAC-SHA256 of {@code signedContent} under the vendor's secret, compared in
     * constant time; false for an unknown vendor or one without a secret (after the same amount of work).
     */
    boolean signatureMatches(UUID vendorId, byte[] signedContent, byte[] signature);
}
