package com.itadcustody.certificate;

/** Where a certificate verification was asked for, as kept in the history of checks. */
public enum VerificationChannel {
    /** The public verification page {@code /verify}. */
    PUBLIC_PAGE,
    /** The public REST API. */
    PUBLIC_API,
    /** The staff console's compliance pages. */
    CONSOLE,
    /** Another module or tool calling the service directly. */
    SERVICE
}
