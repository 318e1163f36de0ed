package com.itadcustody.compliance;

import com.itadcustody.compliance.internal.AuditJobs;
import com.itadcustody.custody.CustodyAudit;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Full audits of the custody log for compliance officers: start one in the background, follow its progress, read
 * its outcome (passed, or the first bad sequence number and why) and the history of past runs; and the log's latest
 * signed checkpoints.
 */
@Service
public class CustodyAudits {

    private static final String COLUMNS = "id, started_at, started_by_name, log_size, state, entries, checkpoints,"
            + " first_bad_seq, reason, finished_at";

    private final AuditJobs jobs;
    private final CustodyAudit custody;
    private final JdbcClient jdbc;

    CustodyAudits(AuditJobs jobs, CustodyAudit custody, JdbcClient jdbc) {
        this.jobs = jobs;
        this.custody = custody;
        this.jdbc = jdbc;
    }

    /**
     * One audit run.
     *
     * @param id its id
     * @param startedAt when it started
     * @param startedBy who started it (login name)
     * @param logSize entries in the log when it started
     * @param checked entries checked so far (all of them once finished)
     * @param state RUNNING, PASSED, FAILED or INTERRUPTED
     * @param checkpoints checkpoints checked, once finished
     * @param firstBadSeq the first sequence number at fault, when failed
     * @param reason why it failed
     * @param finishedAt when it finished, or null
     */
    public record Run(UUID id, Instant startedAt, String startedBy, long logSize, long checked, String state,
            Integer checkpoints, Long firstBadSeq, String reason, Instant finishedAt) {

        /** Whether the run is over. */
        public boolean finished() {
            return !"RUNNING".equals(state);
        }
    }

    /** Starts a full audit in the background (or returns the one already running on this node). */
    public Run start(Actor actor) {
        return get(jobs.start(actor));
    }

    /** A run with its progress; 404 if unknown. */
    public Run get(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from compliance_audit_run where id = :id").param("id", id)
                .query(this::run).optional().orElseThrow(() -> new NotFound("audit run", id));
    }

    /** Past and current runs, newest first. */
    public PageResult<Run> history(int page, int size) {
        int pageSize = Math.max(1, Math.min(size, 100));
        int pageNumber = Math.max(0, page);
        long total = jdbc.sql("select count(*) from compliance_audit_run").query(Long.class).single();
        List<Run> runs = jdbc.sql("select " + COLUMNS + " from compliance_audit_run order by started_at desc, id"
                + " limit :limit offset :offset").param("limit", pageSize).param("offset", (long) pageNumber * pageSize)
                .query(this::run).list();
        return PageResult.of(runs, pageNumber, pageSize, total);
    }

    /** The newest signed checkpoints of the custody log, newest first. */
    public List<CustodyAudit.CheckpointSummary> latestCheckpoints(int limit) {
        return custody.latestCheckpoints(limit);
    }

    /** How many entries the custody log holds. */
    public long logSize() {
        return custody.size();
    }

    private Run run(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String state = rs.getString("state");
        Long entries = (Long) rs.getObject("entries");
        long checked = entries != null ? entries : jobs.progress(id).orElse(0L);
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(id, rs.getTimestamp("started_at").toInstant(), rs.getString("started_by_name"),
                rs.getLong("log_size"), checked, state, (Integer) rs.getObject("checkpoints"),
                (Long) rs.getObject("first_bad_seq"), rs.getString("reason"),
                finished == null ? null : finished.toInstant());
    }
}
