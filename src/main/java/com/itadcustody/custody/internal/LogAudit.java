package com.itadcustody.custody.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.CompactRange;
import com.itadcustody.custody.internal.tlog.Jcs;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.NoteKey;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongConsumer;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FETCH_SIZE = 10_000;

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

        static Report failed(long entries, int checkpoints, long seq, String reason) {
            return new Report(false, entries, checkpoints, seq, reason);
        }
    }

    /** Audits the whole log, reporting progress (entries checked so far) along the way. */
    public Report audit(LongConsumer progress) {
        List<NoteKey> keys = store.verifierKeys().stream().map(NoteKey::parse).toList();
        TreeMap<Long, StoredCheckpoint> checkpoints = new TreeMap<>();
        store.checkpoints().forEach(c -> checkpoints.put(c.treeSize(), c));
        for (StoredCheckpoint c : checkpoints.values()) {
            String problem = checkSignature(c, keys);
            if (problem != null) {
                return Report.failed(0, 0, Math.max(0, c.treeSize() - 1), problem);
            }
        }
        Walk walk = new Walk(checkpoints, progress);
        tx.executeWithoutResult(status -> jdbc.query(con -> {
            var ps = con.prepareStatement(
                    "select seq, event_id, asset_id, envelope, leaf_hash from custody_entry order by seq");
            ps.setFetchSize(FETCH_SIZE);
            return ps;
        }, rs -> {
            if (walk.failure == null) {
                walk.visit(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getBytes(4),
                        rs.getBytes(5));
            }
        }));
        if (walk.failure != null) {
            return walk.failure;
        }
        long size = walk.range.size();
        if (!checkpoints.isEmpty() && checkpoints.lastKey() > size) {
            return Report.failed(size, walk.checkpointsChecked, size, "the log has " + size
                    + " entries but a checkpoint was signed at size " + checkpoints.lastKey()
                    + ": entries were removed");
        }
        if (size > 0 && !Arrays.equals(Merkle.root(size, store.tree()), walk.range.root())) {
            return Report.failed(size, walk.checkpointsChecked, size - 1,
                    "the stored tree nodes do not match the entries (proofs served from them would not verify)");
        }
        return new Report(true, size, walk.checkpointsChecked, null, null);
    }

    private String checkSignature(StoredCheckpoint c, List<NoteKey> keys) {
        try {
            Checkpoint opened = Checkpoint.open(c.note(), settings.origin(), keys);
            if (opened.size() != c.treeSize() || !Arrays.equals(opened.rootHash(), c.rootHash())) {
                return "checkpoint at size " + c.treeSize() + ": the signed note says size " + opened.size()
                        + " with another root than the stored one";
            }
            return null;
        } catch (RuntimeException e) {
            return "checkpoint at size " + c.treeSize() + ": its signature does not verify with the log's keys ("
                    + e.getMessage() + ")";
        }
    }

    /** State of one pass over the entries. */
    private static final class Walk {
        final TreeMap<Long, StoredCheckpoint> checkpoints;
        final LongConsumer progress;
        final CompactRange range = CompactRange.empty();
        final Map<UUID, byte[]> heads = new HashMap<>();
        final Map<UUID, Long> headSeqs = new HashMap<>();
        Instant lastRecorded;
        int checkpointsChecked;
        Report failure;

        Walk(TreeMap<Long, StoredCheckpoint> checkpoints, LongConsumer progress) {
            this.checkpoints = checkpoints;
            this.progress = progress;
        }

        void visit(long seq, UUID eventId, UUID assetId, byte[] envelope, byte[] storedLeaf) {
            long expected = range.size();
            if (seq != expected) {
                fail(expected, "entry " + expected + " is missing (the next stored entry is " + seq + ")");
                return;
            }
            byte[] leaf = Merkle.leafHash(envelope);
            if (!Arrays.equals(leaf, storedLeaf)) {
                fail(seq, "the envelope bytes do not hash to the stored leaf hash: the envelope was changed");
                return;
            }
            if (!Jcs.isCanonical(envelope)) {
                fail(seq, "the envelope is not canonical JSON (RFC 8785)");
                return;
            }
            JsonNode json;
            try {
                json = JSON.readTree(envelope);
            } catch (IOException e) {
                fail(seq, "the envelope is not JSON");
                return;
            }
            if (json.path("seq").asLong(-1) != seq) {
                fail(seq, "the envelope was written for position " + json.path("seq").asText("?")
                        + ": entries were moved");
                return;
            }
            if (!eventId.toString().equals(json.path("eventId").asText())
                    || !assetId.toString().equals(json.path("assetId").asText())) {
                fail(seq, "the envelope's event or asset id differs from the row's");
                return;
            }
            byte[] previous = heads.get(assetId);
            String expectedPrev = previous == null ? null : HexFormat.of().formatHex(previous);
            String actualPrev = json.hasNonNull("assetPrev") ? json.get("assetPrev").asText() : null;
            if (expectedPrev == null ? actualPrev != null : !expectedPrev.equals(actualPrev)) {
                fail(seq, "the asset's chain is broken: assetPrev is " + actualPrev + " but the asset's previous"
                        + " entry" + (previous == null ? "" : " (" + headSeqs.get(assetId) + ")") + " hashes to "
                        + expectedPrev + "; this entry or that one was changed");
                return;
            }
            heads.put(assetId, leaf);
            headSeqs.put(assetId, seq);
            Instant recorded = Instant.parse(json.path("recordedAt").asText());
            if (lastRecorded != null && recorded.isBefore(lastRecorded)) {
                fail(seq, "recordedAt goes backwards");
                return;
            }
            lastRecorded = recorded;
            range.append(leaf);
            StoredCheckpoint checkpoint = checkpoints.get(range.size());
            if (checkpoint != null) {
                checkpointsChecked++;
                if (!Arrays.equals(checkpoint.rootHash(), range.root())) {
                    fail(seq, "the log's first " + range.size() + " entries do not have the root signed in the"
                            + " checkpoint at that size");
                    return;
                }
            }
            if (range.size() % FETCH_SIZE == 0) {
                progress.accept(range.size());
            }
        }

        private void fail(long seq, String reason) {
            failure = Report.failed(range.size(), checkpointsChecked, seq, reason);
        }
    }
}
