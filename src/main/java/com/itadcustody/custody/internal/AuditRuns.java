package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.LogAudit.Report;
import com.itadcustody.shared.NotFound;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/** Runs full audits in the background, one at a time, and keeps the last few runs with their progress. */
@Service
public class AuditRuns implements DisposableBean {

    private static final int KEPT = 20;

    private final LogAudit audit;
    private final LogStore store;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "custody-audit");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Run> runs = new LinkedHashMap<>();

    AuditRuns(LogAudit audit, LogStore store) {
        this.audit = audit;
        this.store = store;
    }

    /**
     * A run's state: how many entries it has checked of how many, and its report once done.
     *
     * @param id the run's id
     * @param startedAt when it started
     * @param total the log's size when it started
     * @param checked entries checked so far
     * @param finishedAt when it finished, or null
     * @param report the outcome, or null while running
     */
    public record Status(UUID id, Instant startedAt, long total, long checked, Instant finishedAt, Report report) {
    }

    /** Starts a full audit and returns its initial status. */
    public synchronized Status start() {
        Run run = new Run(UUID.randomUUID(), Instant.now(), store.size());
        runs.put(run.id, run);
        while (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
        executor.submit(() -> {
            Report report;
            try {
                report = audit.audit(run.checked::set);
            } catch (RuntimeException e) {
                report = new Report(false, run.checked.get(), 0, null, "the audit could not run: " + e.getMessage());
            }
            run.finish(report);
        });
        return run.status();
    }

    /** The status of a run; 404 if unknown. */
    public synchronized Status status(UUID id) {
        Run run = runs.get(id);
        if (run == null) {
            throw new NotFound("audit run", id);
        }
        return run.status();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static final class Run {
        final UUID id;
        final Instant startedAt;
        final long total;
        final AtomicLong checked = new AtomicLong();
        volatile Instant finishedAt;
        volatile Report report;

        Run(UUID id, Instant startedAt, long total) {
            this.id = id;
            this.startedAt = startedAt;
            this.total = total;
        }

        void finish(Report outcome) {
            checked.set(outcome.entries());
            report = outcome;
            finishedAt = Instant.now();
        }

        Status status() {
            return new Status(id, startedAt, total, checked.get(), finishedAt, report);
        }
    }
}
