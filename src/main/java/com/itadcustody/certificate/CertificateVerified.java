package com.itadcustody.certificate;

import com.itadcustody.certificate.CertificateVerification.Verdict;
import java.time.Instant;

/**
 * Published after every verification of a certificate (by number or by an uploaded PDF), in the verifying thread,
 * so that the compliance module keeps a history of checks.
 *
 * @param at when it was checked
 * @param channel where it was asked for
 * @param submittedNumber the number as entered, or null for an upload
 * @param fileSha256 SHA-256 (hex) of the uploaded file, or null for a number
 * @param verdict the verdict, or null when the number was refused as malformed
 * @param certificateNumber the certificate number the check found (registry or PDF), or null
 */
public record CertificateVerified(Instant at, VerificationChannel channel, String submittedNumber,
        String fileSha256, Verdict verdict, String certificateNumber) {
}
