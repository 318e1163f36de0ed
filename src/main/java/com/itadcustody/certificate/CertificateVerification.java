package com.itadcustody.certificate;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "can I trust this certificate?": a verdict and a sentence for a non-expert, and each check with
 * its technical detail.
 *
 * @param verdict the overall answer
 * @param summary one or two plain sentences explaining it
 * @param number the certificate number (from the registry, or read from the PDF)
 * @param type the certificate type, if known
 * @param status the registry status, if the certificate is registered
 * @param statusChangedAt when it was revoked or superseded
 * @param statusReason why
 * @param supersededBy the number of the certificate that replaces it
 * @param signer the signer's certificate subject, if signed
 * @param signedAt when it was signed (the timestamp's time when timestamped)
 * @param signatureLevel PAdES level, e.g. B-B or B-T
 * @param sha256 SHA-256 of the checked PDF, hex
 * @param checks every check, in the order they were made
 */
public record CertificateVerification(Verdict verdict, String summary, String number, CertificateType type,
        CertificateStatus status, Instant statusChangedAt, String statusReason, String supersededBy, String signer,
        Instant signedAt, String signatureLevel, String sha256, List<Check> checks) {

    /** Copies the checks. */
    public CertificateVerification {
        checks = List.copyOf(checks);
    }

    /** The overall answers. */
    public enum Verdict {
        /** Genuine, unchanged, registered and in force. */
        VALID,
        /** Genuine but withdrawn. */
        REVOKED,
        /** Genuine but replaced by a corrected certificate. */
        SUPERSEDED,
        /** Not genuine, changed, or its evidence does not hold. */
        INVALID,
        /** No such certificate. */
        NOT_FOUND
    }

    /**
     * One check.
     *
     * @param name a short stable name, e.g. {@code signature-integrity}
     * @param passed whether it passed
     * @param detail what was found, technically
     */
    public record Check(String name, boolean passed, String detail) {
    }
}
