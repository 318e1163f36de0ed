package com.itadcustody.retirement;

import com.itadcustody.custody.CustodyEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A file kept as evidence of a retirement step (its bytes are stored; see {@link EvidenceFiles}).
 *
 * @param id the file
 * @param retirementId the retirement it belongs to
 * @param mediumId for a sanitization report: the medium it covers; otherwise null
 * @param kind what it is
 * @param fileName the name it was uploaded with (cleaned)
 * @param mediaType the media type sniffed from its bytes
 * @param sizeBytes its size
 * @param sha256 the SHA-256 of its bytes in lower-case hex, as the custody event's evidence names it
 * @param vendorId the vendor organisation that uploaded it; null when IT staff did
 * @param uploadedBy the uploading user
 * @param uploadedAt when
 */
public record EvidenceFile(UUID id, UUID retirementId, UUID mediumId, Kind kind, String fileName, String mediaType,
        long sizeBytes, String sha256, UUID vendorId, UUID uploadedBy, Instant uploadedAt) {

    /** What an evidence file is, with the media types each may have. */
    public enum Kind {
        /** The downstream recycler's certificate of recycling: PDF, PNG or JPEG. */
        RECYCLING_CERTIFICATE(Set.of("application/pdf", "image/png", "image/jpeg")),
        /** A photo or video of a destruction: PNG, JPEG, MP4 or PDF. */
        DESTRUCTION_MEDIA(Set.of("image/png", "image/jpeg", "video/mp4", "application/pdf")),
        /** An on-site sanitization (erasure) report: PDF, XML, JSON, CSV or plain text. */
        SANITIZATION_REPORT(Set.of("application/pdf", "application/xml", "application/json", "text/csv",
                "text/plain"));

        private final Set<String> mediaTypes;

        Kind(Set<String> mediaTypes) {
            this.mediaTypes = mediaTypes;
        }

        /** The media types a file of this kind may have. */
        public Set<String> mediaTypes() {
            return mediaTypes;
        }
    }

    /** The file as a custody event's evidence: its SHA-256, media type and name. */
    public CustodyEvent.Evidence asEvidence() {
        return new CustodyEvent.Evidence(sha256, mediaType, fileName);
    }

    /**
     * A file with its bytes, to download.
     *
     * @param file what it is
     * @param content its bytes
     */
    public record Content(EvidenceFile file, byte[] content) {
    }
}
