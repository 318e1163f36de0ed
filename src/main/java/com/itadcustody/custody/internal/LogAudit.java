package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.NoteKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full audit of the custody log from the database: recomputes every leaf from the stored envelope bytes,
 * checks each envelope's position, canonical form and asset chain link, rebuilds the tree and compares its root
 * with every checkpoint, verifies every checkpoint's signature, and reports the first bad sequence number and why.
 */
@Service
public class LogAudit {

    private static final int FETCH_SIZE = 10_000;
    /** Entries checked together by one thread of the pool. */
    private static final int BATCH_SIZE = 2_000;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LogStore store;
    private final CustodySettings settings;

    LogAudit(JdbcTemplate jdbc, TransactionTemplate tx, LogStore store, CustodySettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.settings = settings;
    }

    /**
     * The outcome of an audit.
     *
     * @param ok whether everything verified
     * @param entries how many entries were checked
     * @param checkpoints how many checkpoints were checked
     * @param firstBadSeq the first sequence number at fault, or null
     * @param reason why, in words, or null
     */
    public record Report(boolean ok, long entries, int checkpoints, Long firstBadSeq, String reason) {

        /** A failed audit. */
        public static Report failed(long entries, int checkpoints, long seq, String reason) {
            return new Report(false, entries, checkpoints, seq, reason);
        }
    }

    /** Audits the whole log, reporting progress (entries checked so far) along the way. */
    public Report audit(LongConsumer progress) {
        List<NoteKey> keys = store.verifierKeys().stream().map(NoteKey::parse).toList();
        TreeMap<Long, StoredCheckpoint> checkpoints = new TreeMap<>();
        store.checkpoints().forEach(c -> checkpoints.put(c.treeSize(), c));
        Report signatures = LogVerifier.checkSignatures(checkpoints.values(), keys, settings.origin());
        if (signatures != null) {
            return signatures;
        }
        LogVerifier walk = new LogVerifier(checkpoints, progress);
        Report report;
        try (PipelinedLogVerifier pipeline = new PipelinedLogVerifier(walk, THREADS, BATCH_SIZE)) {
            try {
                tx.executeWithoutResult(status -> jdbc.query(LogAudit::entries, rs -> {
                    if (!pipeline.add(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getBytes(4), rs.getBytes(5), rs.getBytes(6))) {
                        throw new FailureFound();
                    }
                }));
            } catch (FailureFound found) {
                // the rest of the log need not be read: the first failure is known
            }
            report = pipeline.finish();
        }
        if (report.ok() && report.entries() > 0
                && !Arrays.equals(Merkle.root(report.entries(), store.tree()), walk.root())) {
            return Report.failed(report.entries(), report.checkpoints(), report.entries() - 1,
                    "the stored tree nodes do not match the entries (proofs served from them would not verify)");
        }
        return report;
    }

    /**
     * The audit's query, streamed in slices of {@value #FETCH_SIZE} rows, with results in binary form: bytea then
     * arrives as its bytes rather than as hex text that the driver must decode (less than half the read time).
     */
    static PreparedStatement entries(Connection con) throws SQLException {
        PreparedStatement ps = con.prepareStatement(
                "select e.seq, e.event_id, e.asset_id, e.envelope, e.leaf_hash, n.hash from custody_entry e"
                + " left join custody_tree_node n on n.level = 0 and n.idx = e.seq order by e.seq");
        ps.setFetchSize(FETCH_SIZE);
        if (ps.isWrapperFor(PGStatement.class)) {
            // pgjdbc asks for binary results from the first execution on (by default only from the fifth)
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return ps;
    }

    /** Ends reading the log early once the verifier has found its first failure. */
    private static final class FailureFound extends RuntimeException {
        FailureFound() {
            super("a failure was found", null, false, false);
        }
    }
}
