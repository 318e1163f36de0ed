package com.itadcustody.certificate.internal;

import com.itadcustody.certificate.CertificateType;

/** Lets tests in other packages make well-formed certificate numbers. */
public final class CertificateNumbersAccess {

    private CertificateNumbersAccess() {
    }

    /** A well-formed sanitization certificate number with a correct check digit. */
    public static String format(int year, long running) {
        return CertificateNumbers.format(CertificateType.SANITIZATION, year, running);
    }
}
