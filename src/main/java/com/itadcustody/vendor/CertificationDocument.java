package com.itadcustody.vendor;

import java.time.Instant;

/**
 * The uploaded document of a vendor's certification (its metadata; the bytes come with {@link Content}).
 *
 * @param fileName the name it was uploaded under
 * @param mediaType {@code application/pdf}, {@code image/png} or {@code image/jpeg}, as sniffed from its bytes
 * @param sizeBytes its size
 * @param sha256 the SHA-256 of its bytes, lower-case hex
 * @param uploadedAt when it was uploaded
 */
public record CertificationDocument(String fileName, String mediaType, long sizeBytes, String sha256,
        Instant uploadedAt) {

    /** A document with its bytes, for download. */
    public record Content(CertificationDocument document, byte[] bytes) {
    }
}
