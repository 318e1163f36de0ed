package com.itadcustody.retirement;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when the sanitization of a medium fails, or its verification does (the notification event: listeners
 * e-mail IT staff); the medium goes back to sanitization.
 *
 * @param retirementId the retirement
 * @param assetId the asset
 * @param mediumId the medium
 * @param mediumSerial the medium's serial number
 * @param attempt the sanitization attempt that failed (1 for the first)
 * @param stage SANITIZATION (the operator recorded a failure) or VERIFICATION (the verifier found data)
 * @param sanitizationVendorId the vendor that sanitizes on site, or null when IT staff sanitize in-house
 * @param at when the failure was recorded
 */
public record SanitizationFailed(UUID retirementId, UUID assetId, UUID mediumId, String mediumSerial, int attempt,
        Stage stage, UUID sanitizationVendorId, Instant at) {

    /** Which check failed. */
    public enum Stage {
        /** The operator's sanitization attempt failed. */
        SANITIZATION,
        /** The independent verification of a sanitized medium failed. */
        VERIFICATION
    }
}
