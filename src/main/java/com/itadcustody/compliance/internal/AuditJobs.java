package com.itadcustody.compliance.internal;

import com.itadcustody.compliance.CustodyAudits;
import com.itadcustody.custody.CustodyAudit;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs full audits of the custody log in the background, one at a time on this node, and keeps each run in
 * {@code compliance_audit_run}: started, then passed or failed with the first bad sequence number and why. While a
 * run works, its progress (entries checked) is held in memory. Also reads the runs back for the compliance pages.
 */
@Component
public class AuditJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);
    private static final String COLUMNS = "id, started_at, started_by_name, log_size, state, entries, checkpoints,"
            + " first_bad_seq, reason, finished_at";

    private final CustodyAudit audit;
    private final JdbcClient jdbc;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "compliance-audit");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, AtomicLong> running = new ConcurrentHashMap<>();

    AuditJobs(CustodyAudit audit, JdbcClient jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Starts an audit, or answers the id of the one already running on this node. */
    public synchronized UUID start(Actor actor) {
        Optional<UUID> current = running.keySet().stream().findFirst();
        if (current.isPresent()) {
            return current.get();
        }
        UUID id = UUID.randomUUID();
        long size = audit.size();
        jdbc.sql("""
                insert into compliance_audit_run (id, started_at, started_by, started_by_name, log_size, state)
                values (:id, :at, :by, :name, :size, 'RUNNING')""")
                .param("id", id).param("at", Timestamp.from(Instant.now())).param("by", actor.userId())
                .param("name", actor.username()).param("size", size).update();
        AtomicLong checked = new AtomicLong();
        running.put(id, checked);
        executor.submit(() -> run(id, checked));
        return id;
    }

    /**
     * At start, marks runs left RUNNING for over an hour as INTERRUPTED: their node stopped while they ran (an audit
     * of a million entries takes minutes, so a run that old on another live node is not plausible).
     */
    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedRuns() {
        int marked = jdbc.sql("""
                update compliance_audit_run set state = 'INTERRUPTED', finished_at = now(),
                    reason = 'the service stopped while the audit ran'
                where state = 'RUNNING' and started_at < now() - interval '1 hour'""").update();
        if (marked > 0) {
            log.info("marked {} custody audit run(s) left unfinished by a stopped service as interrupted", marked);
        }
    }

    /** A run, with the progress of one in progress on this node. */
    public Optional<CustodyAudits.Run> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from compliance_audit_run where id = :id").param("id", id)
                .query(this::run).optional();
    }

    /** One page of runs, newest first. */
    public PageResult<CustodyAudits.Run> history(int page, int size) {
        long total = jdbc.sql("select count(*) from compliance_audit_run").query(Long.class).single();
        List<CustodyAudits.Run> runs = jdbc.sql("select " + COLUMNS + " from compliance_audit_run"
                + " order by started_at desc, id limit :limit offset :offset").param("limit", size)
                .param("offset", (long) page * size).query(this::run).list();
        return PageResult.of(runs, page, size, total);
    }

    private CustodyAudits.Run run(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Long entries = (Long) rs.getObject("entries");
        AtomicLong progress = running.get(id);
        long checked = entries != null ? entries : progress != null ? progress.get() : 0L;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new CustodyAudits.Run(id, rs.getTimestamp("started_at").toInstant(), rs.getString("started_by_name"),
                rs.getLong("log_size"), checked, rs.getString("state"), (Integer) rs.getObject("checkpoints"),
                (Long) rs.getObject("first_bad_seq"), rs.getString("reason"),
                finished == null ? null : finished.toInstant());
    }

    private void run(UUID id, AtomicLong checked) {
        try {
            CustodyAudit.Outcome outcome;
            try {
                outcome = audit.audit(checked::set);
            } catch (RuntimeException e) {
                log.error("custody audit {} could not run", id, e);
                outcome = new CustodyAudit.Outcome(false, checked.get(), 0, null,
                        "the audit could not run: " + e.getMessage());
            }
            jdbc.sql("""
                    update compliance_audit_run set state = :state, entries = :entries, checkpoints = :checkpoints,
                        first_bad_seq = :seq, reason = :reason, finished_at = :at
                    where id = :id""")
                    .param("state", outcome.passed() ? "PASSED" : "FAILED").param("entries", outcome.entries())
                    .param("checkpoints", outcome.checkpoints()).param("seq", outcome.firstBadSeq())
                    .param("reason", outcome.reason()).param("at", Timestamp.from(Instant.now())).param("id", id)
                    .update();
        } finally {
            running.remove(id);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
