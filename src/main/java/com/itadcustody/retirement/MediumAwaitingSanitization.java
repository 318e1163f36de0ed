package com.itadcustody.retirement;

import java.util.UUID;

/**
 * A storage medium whose sanitization a vendor performs on site, found by its serial number: where it is in its
 * retirement and what the plan asks for.
 *
 * @param mediumSerial the medium's serial number
 * @param retirementId the retirement (the process instance's business key)
 * @param assetId the asset the medium is in
 * @param mediumId the medium
 * @param methodType the planned NIST SP 800-88 method type: CLEAR, PURGE or DESTROY
 * @param technique the planned technique, e.g. CRYPTO_ERASE
 * @param latestAttemptPassed whether the medium's latest sanitization attempt passed; null before the first
 * @param latestAttemptVerified whether that attempt was verified; null while it waits for verification
 */
public record MediumAwaitingSanitization(String mediumSerial, UUID retirementId, UUID assetId, UUID mediumId,
        String methodType, String technique, Boolean latestAttemptPassed, Boolean latestAttemptVerified) {

    /**
     * Whether the medium already holds a sanitization that stands: its latest attempt passed and was not refused
     * by its verifier (a failed verification sends the medium back to sanitization).
     */
    public boolean alreadySanitized() {
        return Boolean.TRUE.equals(latestAttemptPassed) && !Boolean.FALSE.equals(latestAttemptVerified);
    }
}
