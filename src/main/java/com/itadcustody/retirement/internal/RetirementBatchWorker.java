package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through retirement batches in the background, one asset per transaction, on every node (rows are locked with
 * SKIP LOCKED, so nodes share the work and a node that dies leaves its asset to the others): starts the asset's
 * retirement or records the rule that refused it.
 */
@Component
public class RetirementBatchWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetirementBatchWorker.class);

    private final RetirementBatches batches;
    private final Retirements retirements;
    private final TransactionTemplate tx;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    RetirementBatchWorker(RetirementBatches batches, Retirements retirements, TransactionTemplate tx) {
        this.batches = batches;
        this.retirements = retirements;
        this.tx = tx;
    }

    @Override
    public void start() {
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retirement-batches");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drain, 1, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Handles pending batch items until none is left; returns how many were handled. */
    public int drain() {
        int handled = 0;
        try {
            while (running && handleOne()) {
                handled++;
            }
        } catch (RuntimeException e) {
            log.warn("Retirement batch worker: {}", e.getMessage());
        }
        return handled;
    }

    /** A refused batch item and why; recorded in a transaction of its own after the attempt rolled back. */
    private record Refusal(RetirementBatches.Pending item, String rule, String message) {
    }

    private boolean handleOne() {
        Refusal[] refusal = new Refusal[1];
        Boolean found = tx.execute(status -> {
            Optional<RetirementBatches.Pending> next = batches.lockNextPending();
            if (next.isEmpty()) {
                return false;
            }
            RetirementBatches.Pending item = next.get();
            try {
                UUID retirement = retirements.request(item.assetId(), item.reason(), item.confidentiality(),
                        item.destination(), item.sanitizationVendorId(), actor(item)).id();
                batches.recordOutcome(item.batchId(), item.position(), retirement, null, null);
            } catch (DomainRuleViolated e) {
                status.setRollbackOnly();
                refusal[0] = new Refusal(item, e.rule(), e.getMessage());
            } catch (NotFound e) {
                status.setRollbackOnly();
                refusal[0] = new Refusal(item, "not-found", e.getMessage());
            }
            return true;
        });
        if (refusal[0] != null) {
            Refusal r = refusal[0];
            tx.executeWithoutResult(status -> {
                if (batches.lockIfPending(r.item().batchId(), r.item().position())) {
                    batches.recordOutcome(r.item().batchId(), r.item().position(), null, r.rule(), r.message());
                }
            });
        }
        return Boolean.TRUE.equals(found);
    }

    private static Actor actor(RetirementBatches.Pending item) {
        Set<Role> roles = Arrays.stream(item.requestedRoles().split(",")).map(Role::valueOf)
                .collect(Collectors.toSet());
        return new Actor(item.requestedBy(), "batch", roles, null);
    }
}
