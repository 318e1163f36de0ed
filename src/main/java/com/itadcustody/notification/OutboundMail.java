package com.itadcustody.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One e-mail in the outbox, as administrators see it.
 *
 * @param id the mail's id
 * @param kind what it is about: LOT_READY_FOR_PICKUP, RECEIPT_DISCREPANCY, SANITIZATION_FAILED or SLA_BREACHED
 * @param eventKey the event it was written for (the same event never gives a second mail to the same recipient)
 * @param recipient the address it goes to
 * @param subject the subject line
 * @param link the page the mail links to
 * @param status PENDING (not yet sent, maybe retried), SENT, or FAILED (given up after the last attempt)
 * @param attempts how many times sending was tried
 * @param nextAttemptAt when a PENDING mail is tried next
 * @param lastError the last sending failure, if any
 * @param createdAt when the event wrote it
 * @param sentAt when the SMTP server accepted it
 */
public record OutboundMail(UUID id, String kind, String eventKey, String recipient, String subject, String link,
        String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
