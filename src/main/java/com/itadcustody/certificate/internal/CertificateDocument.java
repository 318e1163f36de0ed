package com.itadcustody.certificate.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a certificate's PDF shows and embeds, already worded for print: the renderer lays it out and knows
 * nothing about sanitization or disposition.
 *
 * @param number the certificate number, e.g. {@code COS-2026-000123}
 * @param title the document title, e.g. "Certificate of Sanitization"
 * @param subtitle one line under the title, e.g. the standard it follows
 * @param issuedAt when the certificate was issued
 * @param issuer the issuing organisation's name
 * @param sections the certificate's content, in print order
 * @param verificationUrl where anyone can verify it (also encoded in the QR code)
 * @param json the machine-readable certificate (canonical JSON), embedded as the associated file
 *     {@code certificate.json}
 * @param evidence the custody evidence, printed and embedded
 */
public record CertificateDocument(String number, String title, String subtitle, Instant issuedAt, String issuer,
        List<Section> sections, String verificationUrl, byte[] json, Evidence evidence) {

    /** Checks that every part is present. */
    public CertificateDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuer, "issuer");
        sections = List.copyOf(sections);
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        json = json.clone();
        Objects.requireNonNull(evidence, "evidence");
    }

    /** A copy of the embedded JSON bytes. */
    @Override
    public byte[] json() {
        return json.clone();
    }

    /** A titled block of label/value rows, e.g. "Media information". */
    public record Section(String heading, List<Field> fields) {

        /** Copies the rows. */
        public Section {
            Objects.requireNonNull(heading, "heading");
            fields = List.copyOf(fields);
        }
    }

    /** One row; an empty or null value prints as a dash. */
    public record Field(String label, String value) {
    }

    /**
     * The custody evidence of the event the certificate certifies.
     *
     * @param seq the event's sequence number in the custody log
     * @param leafHash the event's leaf hash, hex
     * @param assetChainHead the leaf hash (hex) of the asset's newest event when the certificate was made
     * @param checkpoint the signed checkpoint (C2SP signed note) the proof is against
     * @param tlogProof the inclusion proof as C2SP {@code tlog-proof@v1} text (includes the checkpoint)
     */
    public record Evidence(long seq, String leafHash, String assetChainHead, String checkpoint, String tlogProof) {
    }
}
