package com.itadcustody.retirement;

import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A verifier's check of a sanitized medium, which also validates the record (the certificate's validation block).
 *
 * @param verifiedBy the verifier (printed as the validator; must not be the performer)
 * @param method how it was verified; FULL when the medium was sampled
 * @param passed whether no data could be recovered
 * @param notes what was checked
 * @param onFailure when it failed: sanitize again with the same method, or escalate to Destroy
 */
public record VerificationReport(
        @NotNull @Valid Person verifiedBy,
        @NotNull VerificationMethod method,
        @NotNull Boolean passed,
        @Size(max = 2000) String notes,
        OnFailure onFailure) {

    /** What happens to a medium whose verification failed. */
    public enum OnFailure { RESANITIZE, DESTROY }
}
