package com.itadcustody.partner.webhook;

import org.springframework.http.HttpStatus;

/** A delivery refused before its event was looked at: unauthenticated, stale, too large or without its headers. */
class WebhookRefused extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;

    WebhookRefused(HttpStatus status, String type, String field, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    /** The one answer for an unknown vendor, a vendor without a secret and a wrong signature alike. */
    static WebhookRefused unauthenticated() {
        return new WebhookRefused(HttpStatus.UNAUTHORIZED, "webhook-signature", null,
                "The signature does not match the body and timestamp under the vendor's webhook secret.");
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String field() {
        return field;
    }
}
