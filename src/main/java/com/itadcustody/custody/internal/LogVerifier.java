package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.LogAudit.Report;
import com.itadcustody.custody.internal.tlog.CanonicalJsonScanner;
import com.itadcustody.custody.internal.tlog.CanonicalJsonScanner.Kind;
import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.CompactRange;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.NoteKey;
import java.time.Month;
import java.time.Year;
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
 *
 * <p>The checks of an entry that do not depend on the entries before it (leaf hash, canonical form, the envelope's
 * {@code seq} and ids, the form of {@code recordedAt}) are made by {@link #check}, which any thread may run; the
 * rest (position, asset chains, order of {@code recordedAt}, the tree and its checkpoints) by
 * {@link #visit(Checked)}, in sequence order on one thread. Not thread-safe.
 */
public final class LogVerifier {
    private static final int PROGRESS_EVERY = 10_000;

    /** The envelope members the verifier reads, found while checking the canonical form. */
    private static final CanonicalJsonScanner ENVELOPE =
            new CanonicalJsonScanner("seq", "eventId", "assetId", "assetPrev", "recordedAt");
    private static final int SEQ = 0;
    private static final int EVENT_ID = 1;
    private static final int ASSET_ID = 2;
    private static final int ASSET_PREV = 3;
    private static final int RECORDED_AT = 4;

    /** Length of a timestamp as envelopes write it: {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
    private static final int TIMESTAMP_LENGTH = 24;
    private static final String TIMESTAMP_SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ";

    private final TreeMap<Long, StoredCheckpoint> checkpoints;
    private final LongConsumer progress;
    private final Frontier range = new Frontier();
    private final Map<UUID, Head> heads = new HashMap<>();
    private long nextCheckpoint;
    private byte[] lastRecorded;
    private int lastRecordedAt;
    private int checkpointsChecked;
    private Report failure;

    /** A verifier that compares the rebuilt tree with these checkpoints, by tree size. */
    public LogVerifier(TreeMap<Long, StoredCheckpoint> checkpoints, LongConsumer progress) {
        this.checkpoints = checkpoints;
        this.progress = progress;
        this.nextCheckpoint = checkpointAfter(0);
    }

    /** The last leaf of an asset's chain so far and its sequence number; updated in place as the chain grows. */
    private static final class Head {
        private byte[] leaf;
        private long seq;

        Head(byte[] leaf, long seq) {
            this.leaf = leaf;
            this.seq = seq;
        }
    }

    /**
     * The tree rebuilt so far, kept as its perfect subtrees as {@link CompactRange} keeps them, but without
     * collecting the nodes each leaf completes, which a verifier does not store.
     */
    private static final class Frontier {
        private final byte[][] subtrees = new byte[Long.SIZE][];
        private int count;
        private long size;

        long size() {
            return size;
        }

        void append(byte[] leaf) {
            byte[] hash = leaf;
            for (long index = size; (index & 1) == 1; index >>= 1) {
                hash = Merkle.nodeHash(subtrees[--count], hash);
            }
            subtrees[count++] = hash;
            size++;
        }

        byte[] root() {
            if (count == 0) {
                return Merkle.emptyRoot();
            }
            byte[] hash = subtrees[count - 1];
            for (int i = count - 2; i >= 0; i--) {
                hash = Merkle.nodeHash(subtrees[i], hash);
            }
            return hash.clone();
        }
    }

    /**
     * One entry with the checks made that do not depend on the entries before it; {@link #visit(Checked)} makes
     * the others, in sequence order.
     */
    public static final class Checked {
        private final long seq;
        private final UUID assetId;
        private final byte[] envelope;
        private final byte[] leaf;
        private final String failure;
        private final CanonicalJsonScanner.Result fields;
        private final byte[] assetPrev;
        private final int recordedAt;

        private Checked(long seq, UUID assetId, byte[] envelope, byte[] leaf, String failure,
                CanonicalJsonScanner.Result fields, byte[] assetPrev, int recordedAt) {
            this.seq = seq;
            this.assetId = assetId;
            this.envelope = envelope;
            this.leaf = leaf;
            this.failure = failure;
            this.fields = fields;
            this.assetPrev = assetPrev;
            this.recordedAt = recordedAt;
        }

        private static Checked failed(long seq, UUID assetId, byte[] leaf, String reason) {
            return new Checked(seq, assetId, null, leaf, reason, null, null, -1);
        }

        /** The entry's sequence number as its row gives it. */
        public long seq() {
            return seq;
        }
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

    /**
     * Makes the checks of one entry that do not depend on the entries before it: that the envelope hashes to the
     * stored leaf (and to the leaf stored in the tree, if not null), is canonical JSON, was written for position
     * {@code seq}, names the row's event and asset, and has a well-formed {@code recordedAt}. Thread-safe.
     */
    public static Checked check(long seq, UUID eventId, UUID assetId, byte[] envelope, byte[] storedLeaf,
            byte[] treeLeaf) {
        byte[] leaf = Merkle.leafHash(envelope);
        if (!Arrays.equals(leaf, storedLeaf)) {
            return Checked.failed(seq, assetId, leaf,
                    "the envelope bytes do not hash to the stored leaf hash: the envelope was changed");
        }
        CanonicalJsonScanner.Result fields = ENVELOPE.scan(envelope);
        if (!fields.canonical()) {
            return Checked.failed(seq, assetId, leaf, "the envelope is not canonical JSON (RFC 8785)");
        }
        if (fields.integer(SEQ, -1) != seq) {
            return Checked.failed(seq, assetId, leaf, "the envelope was written for position " + shown(fields, SEQ)
                    + ": entries were moved");
        }
        if (treeLeaf != null && !Arrays.equals(leaf, treeLeaf)) {
            return Checked.failed(seq, assetId, leaf, "the envelope does not hash to the leaf stored in the tree"
                    + " when it was sequenced: the envelope and its leaf hash were changed");
        }
        if (!names(envelope, fields, EVENT_ID, eventId) || !names(envelope, fields, ASSET_ID, assetId)) {
            return Checked.failed(seq, assetId, leaf, "the envelope's event or asset id differs from the row's");
        }
        return new Checked(seq, assetId, envelope, leaf, null, fields, hash(envelope, fields, ASSET_PREV),
                timestamp(envelope, fields, RECORDED_AT));
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
        if (seq != range.size()) {
            missing(seq);
            return;
        }
        visit(check(seq, eventId, assetId, envelope, storedLeaf, treeLeaf));
    }

    /**
     * Completes the checks of the next entry (made by {@link #check}) with those that depend on the entries before
     * it; after a failure, further entries are ignored.
     */
    public void visit(Checked entry) {
        if (failure != null) {
            return;
        }
        long seq = entry.seq;
        if (seq != range.size()) {
            missing(seq);
            return;
        }
        if (entry.failure != null) {
            fail(seq, entry.failure);
            return;
        }
        Head previous = heads.get(entry.assetId);
        Kind prevKind = entry.fields.kind(ASSET_PREV);
        boolean linked = previous == null ? prevKind == Kind.ABSENT || prevKind == Kind.NULL
                : entry.assetPrev != null && Arrays.equals(entry.assetPrev, previous.leaf);
        if (!linked) {
            String expectedPrev = previous == null ? null : HexFormat.of().formatHex(previous.leaf);
            String actualPrev = prevKind == Kind.STRING ? entry.fields.string(ASSET_PREV)
                    : prevKind == Kind.ABSENT || prevKind == Kind.NULL ? null : entry.fields.text(ASSET_PREV);
            fail(seq, "the asset's chain is broken: assetPrev is " + actualPrev + " but the asset's previous"
                    + " entry" + (previous == null ? "" : " (" + previous.seq + ")") + " hashes to "
                    + expectedPrev + "; this entry or that one was changed");
            return;
        }
        if (previous == null) {
            heads.put(entry.assetId, new Head(entry.leaf, seq));
        } else {
            previous.leaf = entry.leaf;
            previous.seq = seq;
        }
        if (entry.recordedAt < 0) {
            String value = entry.fields.text(RECORDED_AT);
            fail(seq, value == null ? "recordedAt is missing" : "recordedAt "
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                    + " is not a UTC timestamp of the form yyyy-MM-ddTHH:mm:ss.SSSZ");
            return;
        }
        if (lastRecorded != null && Arrays.compare(entry.envelope, entry.recordedAt,
                entry.recordedAt + TIMESTAMP_LENGTH, lastRecorded, lastRecordedAt,
                lastRecordedAt + TIMESTAMP_LENGTH) < 0) {
            fail(seq, "recordedAt goes backwards");
            return;
        }
        lastRecorded = entry.envelope;
        lastRecordedAt = entry.recordedAt;
        range.append(entry.leaf);
        long size = range.size();
        if (size == nextCheckpoint) {
            checkpointsChecked++;
            nextCheckpoint = checkpointAfter(size);
            if (!Arrays.equals(checkpoints.get(size).rootHash(), range.root())) {
                fail(seq, "the log's first " + size + " entries do not have the root signed in the"
                        + " checkpoint at that size");
                return;
            }
        }
        if (size % PROGRESS_EVERY == 0) {
            progress.accept(size);
        }
    }

    private long checkpointAfter(long size) {
        Long next = checkpoints.higherKey(size);
        return next == null ? -1 : next;
    }

    private void missing(long seq) {
        long expected = range.size();
        fail(expected, "entry " + expected + " is missing (the next stored entry is " + seq + ")");
    }

    private void fail(long seq, String reason) {
        failure = Report.failed(range.size(), checkpointsChecked, seq, reason);
    }

    /** A member's value for a message: a string unquoted, a number or literal as written, else "?". */
    private static String shown(CanonicalJsonScanner.Result fields, int member) {
        return switch (fields.kind(member)) {
            case STRING -> fields.string(member);
            case NUMBER, TRUE, FALSE -> fields.text(member);
            default -> "?";
        };
    }

    /**
     * Whether a member is a string equal to {@code id}'s {@link UUID#toString} (lower-case hex digits in groups of
     * 8-4-4-4-12), read without building either string.
     */
    private static boolean names(byte[] envelope, CanonicalJsonScanner.Result fields, int member, UUID id) {
        int start = fields.start(member);
        if (fields.kind(member) != Kind.STRING || fields.end(member) - start != 36) {
            return false;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            byte c = envelope[start + i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                return false;
            }
            if (digits++ < 16) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        return high == id.getMostSignificantBits() && low == id.getLeastSignificantBits();
    }

    /** The 32 bytes of a member that is a string of 64 lower-case hex digits, else null. */
    private static byte[] hash(byte[] envelope, CanonicalJsonScanner.Result fields, int member) {
        int start = fields.start(member);
        if (fields.kind(member) != Kind.STRING || fields.end(member) - start != 2 * Merkle.HASH_SIZE) {
            return null;
        }
        byte[] hash = new byte[Merkle.HASH_SIZE];
        for (int i = 0; i < hash.length; i++) {
            int high = hexDigit(envelope[start + 2 * i]);
            int low = hexDigit(envelope[start + 2 * i + 1]);
            if (high < 0 || low < 0) {
                return null;
            }
            hash[i] = (byte) (high << 4 | low);
        }
        return hash;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * The offset of a member that is a timestamp as envelopes write it, {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC,
     * exactly millisecond precision) of a real date and time, else -1. Such timestamps order as their bytes do.
     */
    private static int timestamp(byte[] envelope, CanonicalJsonScanner.Result fields, int member) {
        int s = fields.start(member);
        if (fields.kind(member) != Kind.STRING || fields.end(member) - s != TIMESTAMP_LENGTH) {
            return -1;
        }
        for (int i = 0; i < TIMESTAMP_LENGTH; i++) {
            byte c = envelope[s + i];
            char shape = TIMESTAMP_SHAPE.charAt(i);
            if (shape == 'd' ? c < '0' || c > '9' : c != shape) {
                return -1;
            }
        }
        int year = digits(envelope, s, 4);
        int month = digits(envelope, s + 5, 2);
        int day = digits(envelope, s + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || digits(envelope, s + 11, 2) > 23 || digits(envelope, s + 14, 2) > 59
                || digits(envelope, s + 17, 2) > 59) {
            return -1;
        }
        return s;
    }

    private static int digits(byte[] bytes, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }
}
