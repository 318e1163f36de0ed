package com.itadcustody.certificate.internal.signing;

/**
 * A signed PDF.
 *
 * @param pdf the signed file
 * @param keyId the registered id of the key it was signed with
 * @param level the PAdES baseline level: {@code B-B} or {@code B-T}
 */
public record SignedPdf(byte[] pdf, String keyId, String level) {

    /** Copies the bytes. */
    public SignedPdf {
        pdf = pdf.clone();
    }

    /** A copy of the signed file. */
    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    /** Names the key and level, not the bytes. */
    @Override
    public String toString() {
        return "SignedPdf[" + pdf.length + " bytes, keyId=" + keyId + ", level=" + level + "]";
    }
}
