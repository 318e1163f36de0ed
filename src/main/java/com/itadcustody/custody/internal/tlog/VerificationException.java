package com.itadcustody.custody.internal.tlog;

/**
 * A proof, signature or signed document did not verify; the message says exactly which check failed and why.
 */
public class VerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A verification failure with a human-readable reason. */
    public VerificationException(String message) {
        super(message);
    }

    /** A verification failure caused by another problem, such as a malformed input. */
    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
