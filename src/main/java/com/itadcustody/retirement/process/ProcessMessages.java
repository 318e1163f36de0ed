package com.itadcustody.retirement.process;

import com.itadcustody.retirement.internal.MessageInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages to process instances by business key, with an inbox: a message whose instance already waits for it is
 * correlated at once (in the caller's transaction); one that arrives before its wait state is kept in
 * {@code process_message_inbox} and delivered when the instance gets there (the wait state's
 * {@code ${deliverWaitingMessages}} listener, and a poller with backoff on every node as the safety net). A message
 * whose instance ended, or that waited longer than {@code itad.retirement.inbox.max-age}, expires with its reason.
 */
@Component
public class ProcessMessages implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessMessages.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final RuntimeService runtime;
    private final MessageInbox inbox;
    private final TransactionTemplate separate;
    private final Duration maxAge;
    private final Duration pollInterval;
    private ScheduledExecutorService poller;
    private volatile boolean running;

    ProcessMessages(RuntimeService runtime, MessageInbox inbox, PlatformTransactionManager transactions,
            @Value("${itad.retirement.inbox.max-age:P30D}") Duration maxAge,
            @Value("${itad.retirement.inbox.poll-interval:PT1S}") Duration pollInterval) {
        this.runtime = runtime;
        this.inbox = inbox;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxAge = maxAge;
        this.pollInterval = pollInterval;
    }

    /**
     * Sends a message to the instance with this business key: correlated now if it waits for it, else kept until
     * it does (sending the same message again while it waits changes nothing).
     *
     * @return true if it was correlated now, false if it was kept in the inbox
     */
    public boolean send(String message, String businessKey, Map<String, String> variables) {
        if (waitsFor(message, businessKey)) {
            correlate(message, businessKey, variables);
            return true;
        }
        inbox.keep(message, businessKey, variables, Instant.now());
        return false;
    }

    /** Tries to deliver every pending message of one instance, each in its own transaction. */
    public void deliverPendingFor(String businessKey) {
        inbox.pendingFor(businessKey).forEach(this::attemptSafely);
    }

    /** Tries to deliver the pending messages that are due, each in its own transaction; returns how many. */
    public int deliverDue() {
        List<UUID> due = inbox.due(Instant.now(), 200);
        due.forEach(this::attemptSafely);
        return due.size();
    }

    private void attemptSafely(UUID id) {
        try {
            separate.executeWithoutResult(status -> attempt(id));
        } catch (RuntimeException e) {
            log.warn("Delivering inbox message {} failed; it is tried again later", id, e);
            separate.executeWithoutResult(status -> inbox.lockPending(id).ifPresent(m -> inbox.retryLater(id,
                    "correlation failed: " + e.getMessage(), Instant.now().plus(backoff(m.attempts())))));
        }
    }

    private void attempt(UUID id) {
        inbox.lockPending(id).ifPresent(message -> {
            Instant now = Instant.now();
            if (waitsFor(message.name(), message.businessKey())) {
                correlate(message.name(), message.businessKey(), message.variables());
                inbox.delivered(id, now);
            } else if (instances(message.businessKey()).isEmpty()) {
                inbox.expire(id, "no running process instance with business key " + message.businessKey(), now);
                log.warn("Inbox message {} for {} expired: its process instance has ended", message.name(),
                        message.businessKey());
            } else if (message.receivedAt().plus(maxAge).isBefore(now)) {
                inbox.expire(id, "not waiting for " + message.name() + " after " + maxAge, now);
                log.warn("Inbox message {} for {} expired after {}", message.name(), message.businessKey(), maxAge);
            } else {
                inbox.retryLater(id, "not yet waiting for " + message.name(), now.plus(backoff(message.attempts())));
            }
        });
    }

    private boolean waitsFor(String message, String businessKey) {
        return instances(businessKey).stream().anyMatch(instance -> runtime.createEventSubscriptionQuery()
                .processInstanceId(instance.getId()).eventType("message").eventName(message).count() > 0);
    }

    private List<ProcessInstance> instances(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).active().list();
    }

    private void correlate(String message, String businessKey, Map<String, String> variables) {
        var correlation = runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey);
        variables.forEach(correlation::setVariable);
        correlation.correlateWithResult();
    }

    /** One second, doubled with each attempt, at most ten minutes. */
    static Duration backoff(int attempts) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(attempts, 10));
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    @Override
    public void start() {
        running = true;
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "process-message-inbox");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("The message inbox poll failed; it runs again in {}", pollInterval, e);
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
