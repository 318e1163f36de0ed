package com.itadcustody.certificate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * How one storage medium was sanitized, with every field of the NIST SP 800-88 Rev. 1 Appendix G sample
 * certificate that the asset registry does not already know (make, model, serial number and media type come from
 * the registry).
 *
 * @param assetId the asset holding the medium
 * @param mediumId the medium
 * @param performedBy the person who sanitized it
 * @param classification the data's confidentiality before sanitization, e.g. "Confidential" or "Moderate"
 * @param dataBackedUp whether the data was backed up first
 * @param backupLocation where the backup is, when there is one
 * @param methodType NIST method type
 * @param methodUsed the technique
 * @param methodDetails details of the technique, e.g. "NVMe Format, Secure Erase Setting 1"
 * @param tool the tool used (required except for Destroy)
 * @param toolVersion the tool's version (required with a tool)
 * @param verificationMethod how the result was verified
 * @param postSanitizationClassification the classification after sanitization, e.g. "Unclassified"
 * @param notes anything else worth recording
 * @param destination where the medium goes next
 * @param destinationDetails details, e.g. the recycler's name
 * @param sanitizedAt when the sanitization finished
 * @param validatedBy the person who validated the record (not the performer)
 */
public record SanitizationRecord(
        @NotNull UUID assetId,
        @NotNull UUID mediumId,
        @NotNull @Valid Person performedBy,
        @NotBlank @Size(max = 100) String classification,
        @NotNull BackupStatus dataBackedUp,
        @Size(max = 300) String backupLocation,
        @NotNull SanitizationMethodType methodType,
        @NotNull SanitizationTechnique methodUsed,
        @Size(max = 500) String methodDetails,
        @Size(max = 200) String tool,
        @Size(max = 100) String toolVersion,
        @NotNull VerificationMethod verificationMethod,
        @NotBlank @Size(max = 100) String postSanitizationClassification,
        @Size(max = 2000) String notes,
        @NotNull MediaDestination destination,
        @Size(max = 300) String destinationDetails,
        @NotNull @PastOrPresent Instant sanitizedAt,
        @NotNull @Valid Person validatedBy) {

    /** Whether the data was backed up before sanitization. */
    public enum BackupStatus { YES, NO, UNKNOWN }

    /** NIST SP 800-88 method types. */
    public enum SanitizationMethodType { CLEAR, PURGE, DESTROY }

    /** The technique used (Appendix G "method used"). */
    public enum SanitizationTechnique { DEGAUSS, OVERWRITE, BLOCK_ERASE, CRYPTO_ERASE, SHRED, DISINTEGRATE,
        PULVERIZE, INCINERATE, OTHER }

    /** How the result was verified (Appendix G "verification method"). */
    public enum VerificationMethod { FULL, QUICK_SAMPLING, OTHER }

    /** Where the medium goes after sanitization (Appendix G "media destination"). */
    public enum MediaDestination { INTERNAL_REUSE, EXTERNAL_REUSE, RECYCLING_FACILITY, MANUFACTURER, OTHER }
}
