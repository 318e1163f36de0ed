package com.itadcustody.retirement;

import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The operator's record of sanitizing one medium with the decided method.
 *
 * @param performedBy the person who did it (printed on the certificate)
 * @param technique the technique used
 * @param methodDetails details, e.g. "NVMe Format, Secure Erase Setting 2"
 * @param tool the tool (required except for Destroy)
 * @param toolVersion its version
 * @param verificationMethod the operator's own check
 * @param passed whether the tool reported success and the operator's check passed
 * @param postSanitizationClassification the classification afterwards, e.g. "Unclassified"
 * @param destinationDetails details of where the medium goes, e.g. the recycler
 * @param notes anything else
 * @param completedAt when it finished
 */
public record SanitizationReport(
        @NotNull @Valid Person performedBy,
        @NotNull SanitizationTechnique technique,
        @Size(max = 500) String methodDetails,
        @Size(max = 200) String tool,
        @Size(max = 100) String toolVersion,
        @NotNull VerificationMethod verificationMethod,
        @NotNull Boolean passed,
        @NotBlank @Size(max = 100) String postSanitizationClassification,
        @Size(max = 300) String destinationDetails,
        @Size(max = 2000) String notes,
        @NotNull @PastOrPresent Instant completedAt) {
}
