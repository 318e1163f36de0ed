package com.itadcustody.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due mail every {@code itad.notification.poll-interval}: each through the mail flow, marked SENT
 * when the SMTP server accepts it, otherwise tried again after a doubling backoff and marked FAILED after
 * {@code max-attempts}. Rows are locked while they are sent, so several nodes never send the same mail; a node that
 * stops between the server's acceptance and the commit sends that mail again (at least once). Off, with the mail kept
 * pending, when no SMTP host is configured.
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final NotificationSettings settings;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageChannel channel;
    private final String host;
    private volatile boolean running;
    private ScheduledExecutorService poller;

    OutboxSender(MailOutbox outbox, NotificationSettings settings, PlatformTransactionManager transactionManager,
            ObjectProvider<JavaMailSender> mailSender, @Qualifier(MailConfiguration.CHANNEL) MessageChannel channel,
            @Value("${spring.mail.host:}") String host) {
        this.outbox = outbox;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.mailSender = mailSender;
        this.channel = channel;
        this.host = host;
    }

    /** Whether an SMTP host is configured, so the outbox is sent. */
    boolean mailOn() {
        return !host.isBlank() && mailSender.getIfAvailable() != null;
    }

    /**
     * Sends the mail due now (at most a batch) and returns how many were accepted; after a failure the rest of the
     * batch waits for the next poll, so an unreachable server costs one attempt per poll, not one per mail.
     */
    int sendDue() {
        Integer accepted = transactions.execute(status -> {
            Instant now = Instant.now();
            List<MailOutbox.Pending> due = outbox.lockDue(now, settings.batchSize());
            int sent = 0;
            for (MailOutbox.Pending mail : due) {
                try {
                    channel.send(MessageBuilder.withPayload(mime(mail)).build());
                    outbox.sent(mail.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
                    sent++;
                } catch (RuntimeException | MessagingException e) {
                    int attempts = mail.attempts() + 1;
                    Instant next = attempts >= settings.maxAttempts() ? null
                            : Instant.now().plus(settings.backoff(attempts));
                    outbox.failed(mail.id(), describe(e), next);
                    if (next == null) {
                        log.error("Mail {} to {} FAILED after {} attempts: {}", mail.id(), mail.recipient(), attempts,
                                describe(e));
                    } else {
                        log.warn("Mail {} to {} not sent (attempt {}), next at {}: {}", mail.id(), mail.recipient(),
                                attempts, next, describe(e));
                    }
                    break;
                }
            }
            return sent;
        });
        return accepted == null ? 0 : accepted;
    }

    private MimeMessage mime(MailOutbox.Pending mail) throws MessagingException {
        MimeMessage message = mailSender.getObject().createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.bodyHtml() != null,
                StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        if (mail.bodyHtml() != null) {
            helper.setText(mail.bodyText(), mail.bodyHtml());
        } else {
            helper.setText(mail.bodyText());
        }
        return message;
    }

    private static String describe(Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void start() {
        running = true;
        if (!mailOn()) {
            log.info("Mail is off (no spring.mail.host / ITAD_SMTP_HOST): notifications are kept in the outbox,"
                    + " unsent");
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mail-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        log.info("Mail on: the outbox is sent through {} every {}", host, settings.pollInterval());
    }

    private void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("The mail outbox poll failed; it runs again in {}", settings.pollInterval(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
