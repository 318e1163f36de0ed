package com.itadcustody.compliance;

import com.itadcustody.compliance.internal.AuditJobs;
import com.itadcustody.custody.CustodyAudit;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Full audits of the custody log for compliance officers: start one in the background, follow its progress, read
 * its outcome (passed, or the first bad sequence number and why) and the history of past runs; and the log's latest
 * signed checkpoints.
 */
@Service
public class CustodyAudits {

    private final AuditJobs jobs;
    private final CustodyAudit custody;

    CustodyAudits(AuditJobs jobs, CustodyAudit custody) {
        this.jobs = jobs;
        this.custody = custody;
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
        return jobs.find(id).orElseThrow(() -> new NotFound("audit run", id));
    }

    /** Past and current runs, newest first. */
    public PageResult<Run> history(int page, int size) {
        return jobs.history(Math.max(0, page), Math.max(1, Math.min(size, 100)));
    }

    /** The newest signed checkpoints of the custody log, newest first. */
    public List<CustodyAudit.CheckpointSummary> latestCheckpoints(int limit) {
        return custody.latestCheckpoints(limit);
    }

    /** How many entries the custody log holds. */
    public long logSize() {
        return custody.size();
    }
}
