package com.itadcustody.custody.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.custody.internal.LogAudit.Report;
import com.itadcustody.custody.internal.tlog.CompactRange;
import com.itadcustody.custody.internal.tlog.Merkle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The verifier over a log built in memory, entry by entry on one thread and through {@link PipelinedLogVerifier}
 * with small batches: every kind of damage is reported at the same sequence number with the same reason by both.
 */
class LogVerifierTests {

    static final Instant START = Instant.parse("2026-11-28T22:08:47.886Z");
    static final UUID[] ASSETS = {new UUID(1, 1), new UUID(1, 2), new UUID(1, 3), new UUID(1, 4), new UUID(1, 5)};
    static final int CHECKPOINT_EVERY = 100;

    /** One row of {@code custody_entry}, with the leaf its tree node holds. */
    record Row(long seq, UUID eventId, UUID assetId, byte[] envelope, byte[] leaf, byte[] treeLeaf) {

        Row withEnvelope(byte[] changed, boolean fixLeaves) {
            byte[] newLeaf = fixLeaves ? Merkle.leafHash(changed) : leaf;
            return new Row(seq, eventId, assetId, changed, newLeaf, fixLeaves ? newLeaf : treeLeaf);
        }

        Row withText(UnaryOperator<String> change) {
            return withEnvelope(change.apply(new String(envelope, UTF_8)).getBytes(UTF_8), true);
        }
    }

    @Test
    void acceptsAnUntouchedLogAndReportsProgressEveryTenThousandEntries() {
        List<Row> rows = log(25_000);
        List<Long> sequential = new ArrayList<>();
        List<Long> pipelined = new ArrayList<>();

        Report one = sequential(rows, checkpoints(rows), sequential::add);
        Report many = pipelined(rows, checkpoints(rows), 3, 1_000, pipelined::add);

        assertThat(one).isEqualTo(new Report(true, 25_000, 250, null, null));
        assertThat(many).isEqualTo(one);
        assertThat(sequential).containsExactly(10_000L, 20_000L);
        assertThat(pipelined).isEqualTo(sequential);
    }

    @Test
    void reportsEachKindOfDamageAtItsEntryAlikeOnOneThreadAndInParallel() {
        List<Row> rows = log(1_000);
        for (int k : new int[] {0, 6, 7, 13, 500, 999}) {
            assertSameFailure(rows, k, row -> row.withEnvelope(flip(row.envelope()), false), k,
                    "the envelope bytes do not hash to the stored leaf hash: the envelope was changed");
            assertSameFailure(rows, k, row -> row.withText(t -> t.replace(",\"seq\":", ", \"seq\":")), k,
                    "the envelope is not canonical JSON (RFC 8785)");
            assertSameFailure(rows, k, row -> row.withText(t -> t.replace("\"seq\":" + k + ",",
                    "\"seq\":" + (k + 1) + ",")), k, "the envelope was written for position " + (k + 1)
                    + ": entries were moved");
            assertSameFailure(rows, k, row -> row.withText(t -> t.replace("\"seq\":" + k + ",",
                    "\"seq\":\"" + k + "\",")), k, "the envelope was written for position " + k
                    + ": entries were moved");
            assertSameFailure(rows, k, row -> new Row(row.seq(), row.eventId(), row.assetId(), row.envelope(),
                    row.leaf(), Merkle.leafHash(new byte[] {1})), k, "the envelope does not hash to the leaf stored"
                    + " in the tree when it was sequenced: the envelope and its leaf hash were changed");
            assertSameFailure(rows, k, row -> new Row(row.seq(), UUID.randomUUID(), row.assetId(), row.envelope(),
                    row.leaf(), row.treeLeaf()), k, "the envelope's event or asset id differs from the row's");
            assertSameFailure(rows, k, row -> new Row(row.seq(), row.eventId(), ASSETS[(k + 1) % ASSETS.length],
                    row.envelope(), row.leaf(), row.treeLeaf()), k,
                    "the envelope's event or asset id differs from the row's");
            assertSameFailure(rows, k, row -> row.withText(t -> t.replace("\"recordedAt\":\"", "\"recordedAt\":\"1")
                    .replace("\"recordedAt\":\"12026", "\"recordedAt\":\"1926")), k, k == 0 ? null
                    : "recordedAt goes backwards");
            assertSameFailure(rows, k, row -> new Row(row.seq() + 1, row.eventId(), row.assetId(), row.envelope(),
                    row.leaf(), row.treeLeaf()), k, "entry " + k + " is missing (the next stored entry is "
                    + (k + 1) + ")");
        }
    }

    @Test
    void reportsABrokenAssetChainWithBothEntriesNamed() {
        List<Row> rows = log(100);
        String zeros = "0".repeat(64);

        Report report = assertSameFailure(rows, 12, row -> row.withText(t -> t.replaceAll(
                "\"assetPrev\":\"[0-9a-f]{64}\"", "\"assetPrev\":\"" + zeros + "\"")), 12, null);
        Report removed = assertSameFailure(rows, 12, row -> row.withText(t -> t.replaceAll(
                "\"assetPrev\":\"[0-9a-f]{64}\",", "")), 12, null);
        Report added = assertSameFailure(rows, 2, row -> row.withText(t -> t.replace("\"assetSerial\":",
                "\"assetPrev\":\"" + zeros + "\",\"assetSerial\":")), 2, null);

        String previousHex = java.util.HexFormat.of().formatHex(rows.get(7).leaf());
        assertThat(report.reason()).isEqualTo("the asset's chain is broken: assetPrev is " + zeros
                + " but the asset's previous entry (7) hashes to " + previousHex
                + "; this entry or that one was changed");
        assertThat(removed.reason()).isEqualTo("the asset's chain is broken: assetPrev is null but the asset's"
                + " previous entry (7) hashes to " + previousHex + "; this entry or that one was changed");
        assertThat(added.reason()).isEqualTo("the asset's chain is broken: assetPrev is " + zeros
                + " but the asset's previous entry hashes to null; this entry or that one was changed");
    }

    @Test
    void acceptsANullAssetPrevForAnAssetsFirstEntryAsIfItWereAbsent() {
        List<Row> rows = log(20);
        rows.set(0, rows.get(0).withText(t -> t.replace("\"assetId\":\"" + ASSETS[0] + "\",",
                "\"assetId\":\"" + ASSETS[0] + "\",\"assetPrev\":null,")));
        rows = relinked(rows);

        assertThat(sequential(rows, new TreeMap<>(), n -> { }).ok()).isTrue();
        assertThat(pipelined(rows, new TreeMap<>(), 2, 3, n -> { }).ok()).isTrue();
    }

    @Test
    void refusesARecordedAtOfAnyOtherFormThanUtcWithMilliseconds() {
        List<Row> rows = log(10);
        String at = "\"recordedAt\":\"" + Envelopes.timestamp(START) + "\"";
        for (String other : new String[] {"2026-11-28T22:08:47Z", "2026-11-28T22:08:47.886123Z",
            "2026-11-28T22:08:47.886+00:00", "2026-11-28 22:08:47.886Z", "2026-11-28t22:08:47.886z",
            "2026-02-29T22:08:47.886Z", "2026-13-28T22:08:47.886Z", "2026-11-31T22:08:47.886Z",
            "2026-11-28T24:08:47.886Z", "2026-11-28T22:60:47.886Z", "2026-11-28T23:59:60.000Z",
            "+2026-11-28T22:08:47.886Z", "2026-11-28T22:08:47.88\\u0001"}) {
            assertSameFailure(rows, 0, row -> row.withText(t -> t.replace(at, "\"recordedAt\":\"" + other + "\"")),
                    0, "recordedAt \"" + other + "\" is not a UTC timestamp of the form yyyy-MM-ddTHH:mm:ss.SSSZ");
        }
        assertSameFailure(rows, 0, row -> row.withText(t -> t.replace(at, "\"recordedAt\":1764367727886")), 0,
                "recordedAt 1764367727886 is not a UTC timestamp of the form yyyy-MM-ddTHH:mm:ss.SSSZ");
        assertSameFailure(rows, 0, row -> row.withText(t -> t.replace("," + at, "")), 0, "recordedAt is missing");
    }

    @Test
    void ordersRecordedAtAcrossDaysMonthsAndLeapDays() {
        List<Row> rows = log(6, List.of("2023-12-31T23:59:59.999Z", "2024-01-01T00:00:00.000Z",
                "2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z", "2024-03-01T00:00:00.000Z",
                "2124-03-01T00:00:00.000Z"));

        assertThat(sequential(rows, new TreeMap<>(), n -> { }).ok()).isTrue();
        assertThat(pipelined(rows, new TreeMap<>(), 2, 2, n -> { }).ok()).isTrue();
    }

    @Test
    void reportsACheckpointWhoseRootDiffersAndOneBeyondTheLastEntry() {
        List<Row> rows = log(1_000);
        TreeMap<Long, StoredCheckpoint> checkpoints = checkpoints(rows);
        checkpoints.put(300L, new StoredCheckpoint(300, Merkle.leafHash(new byte[0]), "note", null, START));
        TreeMap<Long, StoredCheckpoint> beyond = checkpoints(rows);
        beyond.put(1_001L, new StoredCheckpoint(1_001, Merkle.leafHash(new byte[0]), "note", null, START));

        Report wrongRoot = sequential(rows, checkpoints, n -> { });
        Report truncated = sequential(rows, beyond, n -> { });

        assertThat(wrongRoot).isEqualTo(Report.failed(300, 3, 299,
                "the log's first 300 entries do not have the root signed in the checkpoint at that size"));
        assertThat(pipelined(rows, checkpoints, 3, 7, n -> { })).isEqualTo(wrongRoot);
        assertThat(truncated).isEqualTo(Report.failed(1_000, 10, 1_000,
                "the log has 1000 entries but a checkpoint was signed at size 1001: entries were removed"));
        assertThat(pipelined(rows, beyond, 3, 7, n -> { })).isEqualTo(truncated);
    }

    @Test
    void thePipelineVisitsTheEntriesBeforeOneWhoseCheckThrowsAndThenRethrows() {
        List<Row> rows = new ArrayList<>(log(50));
        Row broken = rows.get(30);
        rows.set(30, new Row(30, broken.eventId(), broken.assetId(), null, broken.leaf(), broken.treeLeaf()));
        LogVerifier verifier = new LogVerifier(new TreeMap<>(), n -> { });

        assertThatThrownBy(() -> {
            try (PipelinedLogVerifier pipeline = new PipelinedLogVerifier(verifier, 2, 8)) {
                for (Row row : rows) {
                    pipeline.add(row.seq(), row.eventId(), row.assetId(), row.envelope(), row.leaf(),
                            row.treeLeaf());
                }
                pipeline.finish();
            }
        }).isInstanceOf(NullPointerException.class);
        assertThat(verifier.finish().entries()).isEqualTo(30);
    }

    @Test
    void thePipelineStopsTakingEntriesOnceAFailureIsKnown() {
        List<Row> rows = new ArrayList<>(log(200));
        rows.set(3, rows.get(3).withEnvelope(flip(rows.get(3).envelope()), false));
        LogVerifier verifier = new LogVerifier(new TreeMap<>(), n -> { });
        int taken = 0;

        try (PipelinedLogVerifier pipeline = new PipelinedLogVerifier(verifier, 2, 4)) {
            for (Row row : rows) {
                taken++;
                if (!pipeline.add(row.seq(), row.eventId(), row.assetId(), row.envelope(), row.leaf(),
                        row.treeLeaf())) {
                    break;
                }
            }
            assertThat(pipeline.finish().firstBadSeq()).isEqualTo(3);
        }
        assertThat(taken).isLessThan(200);
    }

    @Test
    void rebuildsTheSameRootAsACompactRangeAtEverySize() {
        List<Row> rows = log(70);
        LogVerifier verifier = new LogVerifier(new TreeMap<>(), n -> { });
        CompactRange range = CompactRange.empty();

        assertThat(verifier.root()).isEqualTo(range.root());
        for (Row row : rows) {
            verifier.visit(row.seq(), row.eventId(), row.assetId(), row.envelope(), row.leaf(), row.treeLeaf());
            range.append(row.leaf());
            assertThat(verifier.root()).as("root at size %d", range.size()).isEqualTo(range.root());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * Applies {@code change} to entry {@code k} and checks that both ways report the same failure, and if a reason is
     * given that it is that one, at {@code seq}.
     */
    private static Report assertSameFailure(List<Row> rows, int k, UnaryOperator<Row> change, long seq,
            String reason) {
        List<Row> changed = new ArrayList<>(rows);
        changed.set(k, change.apply(rows.get(k)));
        TreeMap<Long, StoredCheckpoint> checkpoints = checkpoints(rows);

        Report one = sequential(changed, checkpoints, n -> { });
        Report small = pipelined(changed, checkpoints, 3, 7, n -> { });
        Report large = pipelined(changed, checkpoints, 2, 500, n -> { });

        String what = "damage at " + k + ": " + one;
        assertThat(one.ok()).as(what).isFalse();
        if (reason != null) {
            assertThat(one.reason()).as(what).isEqualTo(reason);
            assertThat(one.firstBadSeq()).as(what).isEqualTo(seq);
            assertThat(one.entries()).as(what).isEqualTo(seq);
        }
        assertThat(small).as(what).isEqualTo(one);
        assertThat(large).as(what).isEqualTo(one);
        return one;
    }

    static Report sequential(List<Row> rows, TreeMap<Long, StoredCheckpoint> checkpoints,
            java.util.function.LongConsumer progress) {
        LogVerifier verifier = new LogVerifier(checkpoints, progress);
        for (Row row : rows) {
            verifier.visit(row.seq(), row.eventId(), row.assetId(), row.envelope(), row.leaf(), row.treeLeaf());
        }
        return verifier.finish();
    }

    static Report pipelined(List<Row> rows, TreeMap<Long, StoredCheckpoint> checkpoints, int threads, int batch,
            java.util.function.LongConsumer progress) {
        LogVerifier verifier = new LogVerifier(checkpoints, progress);
        try (PipelinedLogVerifier pipeline = new PipelinedLogVerifier(verifier, threads, batch)) {
            for (Row row : rows) {
                pipeline.add(row.seq(), row.eventId(), row.assetId(), row.envelope(), row.leaf(), row.treeLeaf());
            }
            return pipeline.finish();
        }
    }

    /** A log of {@code n} events over five assets; three entries share each {@code recordedAt}. */
    static List<Row> log(int n) {
        List<String> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(Envelopes.timestamp(START.plusMillis(i / 3 * 7)));
        }
        return log(n, times);
    }

    static List<Row> log(int n, List<String> recordedAt) {
        List<Row> rows = new ArrayList<>();
        Map<UUID, byte[]> heads = new HashMap<>();
        for (int i = 0; i < n; i++) {
            UUID asset = ASSETS[i % ASSETS.length];
            InboxEvent event = new InboxEvent(new UUID(2, i), asset, "SN-" + (i % ASSETS.length), null,
                    "ASSET_STATUS_CHANGED", START, new UUID(3, 1), "IT_STAFF", null, "Berlin, HQ", null,
                    "{\"from\":\"IN_SERVICE\",\"to\":\"AWAITING_DISPOSAL\",\"reason\":\"test event " + i + "\"}");
            byte[] envelope = Envelopes.envelope("localhost/itad-custody", i, event, Instant.parse(recordedAt.get(i)),
                    heads.get(asset));
            byte[] leaf = Merkle.leafHash(envelope);
            heads.put(asset, leaf);
            rows.add(new Row(i, event.eventId(), asset, envelope, leaf, leaf));
        }
        return rows;
    }

    /** The rows with every assetPrev recomputed after a change (so that only the change itself is tested). */
    static List<Row> relinked(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        Map<UUID, byte[]> heads = new HashMap<>();
        for (Row row : rows) {
            byte[] previous = heads.get(row.assetId());
            Row linked = previous == null ? row : row.withText(t -> t.replaceAll("\"assetPrev\":\"[0-9a-f]{64}\"",
                    "\"assetPrev\":\"" + java.util.HexFormat.of().formatHex(previous) + "\""));
            heads.put(row.assetId(), linked.leaf());
            out.add(linked);
        }
        return out;
    }

    /** A checkpoint every {@value #CHECKPOINT_EVERY} entries, with the roots of the rows' leaves. */
    static TreeMap<Long, StoredCheckpoint> checkpoints(List<Row> rows) {
        TreeMap<Long, StoredCheckpoint> checkpoints = new TreeMap<>();
        CompactRange range = CompactRange.empty();
        for (Row row : rows) {
            range.append(row.leaf());
            if (range.size() % CHECKPOINT_EVERY == 0) {
                checkpoints.put(range.size(), new StoredCheckpoint(range.size(), range.root(), "note", null, START));
            }
        }
        return checkpoints;
    }

    private static byte[] flip(byte[] envelope) {
        byte[] changed = envelope.clone();
        changed[59] ^= 1;
        return changed;
    }
}
