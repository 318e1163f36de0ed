package com.itadcustody.certificate;

/** Where a certificate stands in the registry; it leaves VALID at most once. */
public enum CertificateStatus {
    /** Issued and in force. */
    VALID,
    /** Withdrawn, with a reason; kept for the record. */
    REVOKED,
    /** Replaced by a corrected certificate, which is linked; kept for the record. */
    SUPERSEDED
}
