package com.itadcustody.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound mail ({@code itad.notification.*}); the SMTP server itself is Spring Boot's {@code spring.mail.*}
 * ({@code ITAD_SMTP_HOST} and friends). See docs/operations.md.
 *
 * @param from the sender address of every mail
 * @param pollInterval how often the outbox is read for mail due to be sent
 * @param initialBackoff the wait after the first failed attempt; doubled after each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param maxAttempts attempts before a mail is marked FAILED and no longer tried
 * @param batchSize at most this many mails are sent per poll
 */
@ConfigurationProperties("itad.notification")
public record NotificationSettings(@DefaultValue("ITAD Custody <itad-custody@localhost>") String from,
        @DefaultValue("PT5S") Duration pollInterval, @DefaultValue("PT30S") Duration initialBackoff,
        @DefaultValue("PT1H") Duration maxBackoff, @DefaultValue("10") int maxAttempts,
        @DefaultValue("50") int batchSize) {

    public NotificationSettings {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("itad.notification.from must not be blank");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("itad.notification: poll-interval must be positive and max-backoff at"
                    + " least initial-backoff");
        }
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("itad.notification: max-attempts and batch-size must be at least 1");
        }
    }

    /** The wait before the next attempt after this many failed ones: the initial backoff doubled, capped. */
    public Duration backoff(int failedAttempts) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
