package com.itadcustody.vendor;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One certification of a vendor organisation.
 *
 * @param id the record id
 * @param vendorId the vendor
 * @param scheme e.g. R2v3, e-Stewards, NAID AAA, ISO 14001
 * @param certificateId the certificate's id at its issuer
 * @param issuer the certification body
 * @param validFrom first valid day
 * @param validUntil last valid day
 */
public record VendorCertification(UUID id, UUID vendorId, String scheme, String certificateId, String issuer,
        LocalDate validFrom, LocalDate validUntil) {

    /** Whether it is valid on that day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
