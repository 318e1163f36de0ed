package com.itadcustody.certificate.internal.signing;

/** Signing failed: the PDF was unreadable, or the key or the time-stamping authority refused. */
public class SigningException extends RuntimeException {

    /** A failure with its cause. */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
