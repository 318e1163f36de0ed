package com.itadcustody.vendor.internal;

import com.itadcustody.vendor.CertificationScheme;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the vendor registry.
 *
 * @param expiryWarningDays a certification whose last day is at most this many days away is EXPIRING and warns
 *     ({@code ITAD_VENDOR_EXPIRY_WARNING_DAYS}, default 30)
 * @param maxDocumentSize the largest certificate document accepted ({@code ITAD_VENDOR_MAX_DOCUMENT_SIZE}, 10MB)
 * @param handoffSchemes the schemes of which one certification in force lets a vendor take handoffs
 *     ({@code ITAD_VENDOR_HANDOFF_SCHEMES}, default R2V3, E_STEWARDS, NAID_AAA)
 * @param webhookSecretKey the AES-256 key (base64, 32 bytes) that encrypts the vendors' webhook secrets
 *     ({@code ITAD_WEBHOOK_SECRET_KEY}); blank: generated on first start into the data directory
 */
@ConfigurationProperties("itad.vendors")
public record VendorSettings(
        @DefaultValue("30") int expiryWarningDays,
        @DefaultValue("10MB") DataSize maxDocumentSize,
        @DefaultValue({"R2V3", "E_STEWARDS", "NAID_AAA"}) Set<CertificationScheme> handoffSchemes,
        String webhookSecretKey) {

    /** Checks the values and fills blanks with defaults. */
    public VendorSettings {
        if (expiryWarningDays < 0) {
            throw new IllegalArgumentException("itad.vendors.expiry-warning-days must not be negative");
        }
        maxDocumentSize = maxDocumentSize == null ? DataSize.ofMegabytes(10) : maxDocumentSize;
        handoffSchemes = handoffSchemes == null || handoffSchemes.isEmpty()
                ? EnumSet.of(CertificationScheme.R2V3, CertificationScheme.E_STEWARDS, CertificationScheme.NAID_AAA)
                : Set.copyOf(handoffSchemes);
        webhookSecretKey = webhookSecretKey == null || webhookSecretKey.isBlank() ? null : webhookSecretKey.strip();
    }

    /** The defaults, for code that builds the registry by hand (tests). */
    public static VendorSettings defaults() {
        return new VendorSettings(30, null, null, null);
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "VendorSettings[expiryWarningDays=" + expiryWarningDays + ", maxDocumentSize=" + maxDocumentSize
                + ", handoffSchemes=" + handoffSchemes + "]";
    }
}
