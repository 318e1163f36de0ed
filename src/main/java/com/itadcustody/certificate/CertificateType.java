package com.itadcustody.certificate;

/** The two kinds of certificate the service issues. */
public enum CertificateType {
    /** Certificate of Sanitization: one storage medium, NIST SP 800-88 Appendix G fields. */
    SANITIZATION("COS", "Certificate of Sanitization"),
    /** Certificate of Disposition: one asset's final disposition, listing its media certificates. */
    DISPOSITION("COD", "Certificate of Disposition");

    private final String prefix;
    private final String title;

    CertificateType(String prefix, String title) {
        this.prefix = prefix;
        this.title = title;
    }

    /** The number prefix, e.g. {@code COS}. */
    public String prefix() {
        return prefix;
    }

    /** The document title. */
    public String title() {
        return title;
    }
}
