package com.itadcustody.custody;

import com.itadcustody.custody.internal.LogAudit;
import com.itadcustody.custody.internal.LogStore;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The custody module's API for auditors: the log's size, its latest signed checkpoints, and the full audit that
 * recomputes every leaf, asset chain and checkpoint root (run by the caller, e.g. in a background job).
 */
@Service
public class CustodyAudit {

    private final LogAudit audit;
    private final LogStore store;
    private final JdbcClient jdbc;

    CustodyAudit(LogAudit audit, LogStore store, JdbcClient jdbc) {
        this.audit = audit;
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * The outcome of a full audit.
     *
     * @param passed whether every entry, chain link, checkpoint signature and root verified
     * @param entries how many entries were checked
     * @param checkpoints how many checkpoints were checked
     * @param firstBadSeq the first sequence number at fault, or null when passed
     * @param reason why it failed, in words, or null when passed
     */
    public record Outcome(boolean passed, long entries, int checkpoints, Long firstBadSeq, String reason) {
    }

    /**
     * A signed checkpoint, for display.
     *
     * @param treeSize how many entries it covers
     * @param rootHash its root hash, lower-case hex
     * @param keyId the id of the key that signed it
     * @param issuedAt when it was signed
     * @param timestamped whether an RFC 3161 timestamp token is stored for it
     */
    public record CheckpointSummary(long treeSize, String rootHash, String keyId, Instant issuedAt,
            boolean timestamped) {
    }

    /** How many entries the log holds (the next sequence number). */
    public long size() {
        return store.size();
    }

    /** The newest {@code limit} checkpoints, newest first (index scan on the primary key). */
    public List<CheckpointSummary> latestCheckpoints(int limit) {
        return jdbc.sql("""
                select tree_size, root_hash, key_id, issued_at, tsa_token is not null
                from custody_checkpoint order by tree_size desc limit :limit""")
                .param("limit", Math.max(1, Math.min(limit, 100)))
                .query((rs, n) -> new CheckpointSummary(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                .list();
    }

    /** Runs the full audit on the calling thread, reporting the number of entries checked so far. */
    public Outcome audit(LongConsumer progress) {
        LogAudit.Report report = audit.audit(progress);
        return new Outcome(report.ok(), report.entries(), report.checkpoints(), report.firstBadSeq(),
                report.reason());
    }
}
