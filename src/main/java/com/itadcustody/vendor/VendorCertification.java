package com.itadcustody.vendor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One certification of a vendor organisation.
 *
 * @param id the record id
 * @param vendorId the vendor
 * @param scheme the scheme's code, one of {@link CertificationScheme} (e.g. {@code R2V3}, {@code E_STEWARDS})
 * @param certificateId the certificate's id at its issuer
 * @param issuer the certification body
 * @param validFrom first valid day
 * @param validUntil last valid day
 * @param scope what the certificate covers (sites, activities), if recorded
 * @param document the uploaded certificate document, or null while none is uploaded
 */
public record VendorCertification(UUID id, UUID vendorId, String scheme, String certificateId, String issuer,
        LocalDate validFrom, LocalDate validUntil, String scope, CertificationDocument document) {

    /** A certification without scope or document. */
    public VendorCertification(UUID id, UUID vendorId, String scheme, String certificateId, String issuer,
            LocalDate validFrom, LocalDate validUntil) {
        this(id, vendorId, scheme, certificateId, issuer, validFrom, validUntil, null, null);
    }

    /** Whether it is valid on that day (its first and last day included). */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /**
     * Its status on that day: NOT_YET_VALID before its first day, EXPIRED after its last, EXPIRING when its last
     * day is at most {@code warningDays} days away (the last day itself counts as 0 days away), VALID otherwise.
     */
    public CertificationStatus statusOn(LocalDate day, int warningDays) {
        if (day.isBefore(validFrom)) {
            return CertificationStatus.NOT_YET_VALID;
        }
        if (day.isAfter(validUntil)) {
            return CertificationStatus.EXPIRED;
        }
        return daysLeft(day) <= warningDays ? CertificationStatus.EXPIRING : CertificationStatus.VALID;
    }

    /** Days from that day to its last valid day (0 on the last day, negative once expired). */
    public long daysLeft(LocalDate day) {
        return ChronoUnit.DAYS.between(day, validUntil);
    }
}
