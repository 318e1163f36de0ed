package com.itadcustody.certificate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An asset's final disposition, for its Certificate of Disposition.
 *
 * @param assetId the asset
 * @param client the organisation that retired the asset
 * @param vendor the ITAD vendor that disposed of it
 * @param vendorCertifications the vendor's certifications at the time (R2v3, e-Stewards, NAID AAA, ...)
 * @param method the final disposition method
 * @param methodDetails details, e.g. the buyer reference, recipient or downstream recycler
 * @param particleSize for destruction: the particle size, e.g. "2 mm"
 * @param disposedAt when the final disposition happened
 * @param place where it happened (facility and city)
 * @param notes anything else worth recording
 */
public record DispositionRecord(
        @NotNull UUID assetId,
        @NotBlank @Size(max = 200) String client,
        @NotBlank @Size(max = 200) String vendor,
        @Size(max = 20) List<@Valid @NotNull VendorCertification> vendorCertifications,
        @NotNull DispositionMethod method,
        @Size(max = 500) String methodDetails,
        @Size(max = 50) String particleSize,
        @NotNull @PastOrPresent Instant disposedAt,
        @NotBlank @Size(max = 300) String place,
        @Size(max = 2000) String notes) {

    /** Final disposition methods. */
    public enum DispositionMethod { RESALE, DONATION, RECYCLING, DESTRUCTION }

    /**
     * One certification of the vendor.
     *
     * @param scheme e.g. "R2v3", "e-Stewards", "NAID AAA"
     * @param certificateId the certificate's id at its issuer
     * @param validUntil the last day it is valid
     */
    public record VendorCertification(
            @NotBlank @Size(max = 50) String scheme,
            @NotBlank @Size(max = 100) String certificateId,
            @NotNull LocalDate validUntil) {
    }
}
