package com.itadcustody.certificate;

import java.time.Instant;
import java.util.UUID;

/**
 * An issued certificate as the registry holds it (without the PDF bytes).
 *
 * @param id registry id
 * @param number the human-friendly certificate number
 * @param type sanitization or disposition
 * @param assetId the asset
 * @param mediumId the medium, for a sanitization certificate
 * @param mediumSerial the medium's serial number, for a sanitization certificate
 * @param status valid, revoked or superseded
 * @param sha256 lower-case hex SHA-256 of the signed PDF
 * @param signingKeyId the document-signing key's id (hex SHA-256 of its certificate)
 * @param certifiedSeq the custody log position of the event the certificate certifies
 * @param issuedAt when it was issued
 * @param issuedBy who issued it (user id)
 * @param statusChangedAt when it was revoked or superseded
 * @param statusReason why
 * @param supersedes the number of the certificate this one corrects
 * @param supersededBy the number of the certificate that corrects this one
 */
public record CertificateView(UUID id, String number, CertificateType type, UUID assetId, UUID mediumId,
        String mediumSerial, CertificateStatus status, String sha256, String signingKeyId, long certifiedSeq,
        Instant issuedAt, UUID issuedBy, Instant statusChangedAt, String statusReason, String supersedes,
        String supersededBy) {
}
