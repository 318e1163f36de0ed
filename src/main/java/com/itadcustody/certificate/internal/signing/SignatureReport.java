package com.itadcustody.certificate.internal.signing;

import java.time.Instant;
import java.util.List;

/**
 * What {@link SignatureInspector} found in a PDF. The signature details describe the newest signature in the file.
 *
 * @param signed whether the file has any signature
 * @param signatureCount how many signatures it has
 * @param integrityValid every signature's CMS signature verifies and matches the digest of its signed bytes
 * @param coversWholeDocument the newest signature covers the whole file: nothing was added after signing
 * @param signerSubject the signing certificate's subject (RFC 2253), or null
 * @param signerKeyId the id of our registered signing key that signed, or null when the signer is not one of ours
 * @param chainTrusted the signing certificate chains to one of our trust anchors (validated at the signing time,
 *     without revocation checking)
 * @param certificateValidAtSigning the signing certificate was within its validity period at the signing time
 * @param signedAt the timestamp's time when timestamped, otherwise the time the signer claims, or null
 * @param timestamped the signature carries an RFC 3161 signature timestamp
 * @param timestampValid the timestamp's message imprint matches the signature and the token's own signature
 *     verifies
 * @param level the PAdES baseline level ({@code B-B}, {@code B-T}, {@code B-LT}) or the signature's sub-filter
 *     when it is not PAdES; null when unsigned
 * @param problems plain-English reasons the file does not verify, empty when it does
 */
public record SignatureReport(
        boolean signed,
        int signatureCount,
        boolean integrityValid,
        boolean coversWholeDocument,
        String signerSubject,
        String signerKeyId,
        boolean chainTrusted,
        boolean certificateValidAtSigning,
        Instant signedAt,
        boolean timestamped,
        boolean timestampValid,
        String level,
        List<String> problems) {

    /** Copies the problems. */
    public SignatureReport {
        problems = List.copyOf(problems);
    }

    /** Whether the file is signed by one of our keys and nothing is wrong with it. */
    public boolean verified() {
        return signed && signerKeyId != null && problems.isEmpty();
    }

    /** A report on a file whose signatures could not be read at all. */
    static SignatureReport unreadable(String problem) {
        return new SignatureReport(false, 0, false, false, null, null, false, false, null, false, false, null,
                List.of(problem));
    }
}
