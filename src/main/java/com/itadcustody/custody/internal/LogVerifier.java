package com.itadcustody.custody.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.custody.internal.LogAudit.Report;
import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.CompactRange;
import com.itadcustody.custody.internal.tlog.Jcs;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.NoteKey;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Verifies a custody log from its entries in sequence order, its checkpoints and its verifier keys, with no
 * database: recomputes every leaf from the envelope bytes, checks each envelope's position, canonical form, ids and
 * asset chain link, rebuilds the tree and compares its root with each checkpoint. Used by the in-service audit and
 * by the offline verifier.
 */
public final class LogVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROGRESS_EVERY = 10_000;

    private final TreeMap<Long, StoredCheckpoint> checkpoints;
    private final LongConsumer progress;
    private final CompactRange range = CompactRange.empty();
    private final Map<UUID, byte[]> heads = new HashMap<>();
    private final Map<UUID, Long> headSeqs = new HashMap<>();
    private Instant lastRecorded;
    private int checkpointsChecked;
    private Report failure;

    /** A verifier that compares the rebuilt tree with these checkpoints, by tree size. */
    public LogVerifier(TreeMap<Long, StoredCheckpoint> checkpoints, LongConsumer progress) {
        this.checkpoints = checkpoints;
        this.progress = progress;
    }

    /** Checks every checkpoint's signed note against the keys and its stored size and root; null if all fine. */
    public static Report checkSignatures(Collection<StoredCheckpoint> checkpoints, List<NoteKey> keys,
            String origin) {
        for (StoredCheckpoint c : checkpoints) {
            try {
                Checkpoint opened = Checkpoint.open(c.note(), origin, keys);
                if (opened.size() != c.treeSize() || !Arrays.equals(opened.rootHash(), c.rootHash())) {
                    return Report.failed(0, 0, Math.max(0, c.treeSize() - 1), "checkpoint at size "
                            + c.treeSize() + ": the signed note says size " + opened.size()
                            + " with another root than the stored one");
                }
            } catch (RuntimeException e) {
                return Report.failed(0, 0, Math.max(0, c.treeSize() - 1), "checkpoint at size " + c.treeSize()
                        + ": its signature does not verify with the log's keys (" + e.getMessage() + ")");
            }
        }
        return null;
    }

    /** The first failure found so far, or null. */
    public Report failure() {
        return failure;
    }

    /** The root of the entries visited so far. */
    public byte[] root() {
        return range.root();
    }

    /** The result once every entry was visited: a failure, a truncation, or OK. */
    public Report finish() {
        if (failure != null) {
            return failure;
        }
        long size = range.size();
        if (!checkpoints.isEmpty() && checkpoints.lastKey() > size) {
            return Report.failed(size, checkpointsChecked, size, "the log has " + size
                    + " entries but a checkpoint was signed at size " + checkpoints.lastKey()
                    + ": entries were removed");
        }
        return new Report(true, size, checkpointsChecked, null, null);
    }

    /** Checks the next entry; after a failure, further entries are ignored. */
    public void visit(long seq, UUID eventId, UUID assetId, byte[] envelope, byte[] storedLeaf) {
        visit(seq, eventId, assetId, envelope, storedLeaf, null);
    }

    /**
     * Checks the next entry, also against the leaf the tree stored for it when the entry was sequenced (null if
     * not available), which pins a changed envelope to its own position even when its leaf hash was recomputed.
     */
    public void visit(long seq, UUID eventId, UUID assetId, byte[] envelope, byte[] storedLeaf, byte[] treeLeaf) {
        if (failure != null) {
            return;
        }
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
        if (treeLeaf != null && !Arrays.equals(leaf, treeLeaf)) {
            fail(seq, "the envelope does not hash to the leaf stored in the tree when it was sequenced: the envelope"
                    + " and its leaf hash were changed");
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
        if (range.size() % PROGRESS_EVERY == 0) {
            progress.accept(range.size());
        }
    }

    private void fail(long seq, String reason) {
        failure = Report.failed(range.size(), checkpointsChecked, seq, reason);
    }
}
