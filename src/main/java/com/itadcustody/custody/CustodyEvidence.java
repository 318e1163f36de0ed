package com.itadcustody.custody;

import com.itadcustody.custody.internal.CustodyProofs;
import com.itadcustody.custody.internal.CustodyProofs.InclusionProof;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.CustodySettings;
import com.itadcustody.custody.internal.LogEntry;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.custody.internal.StoredCheckpoint;
import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.NoteKey;
import com.itadcustody.custody.internal.tlog.SignedNote;
import com.itadcustody.custody.internal.tlog.TlogProof;
import com.itadcustody.shared.DomainRuleViolated;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The custody module's API for documents that carry custody evidence (certificates, evidence packs): the proof
 * that an event is in the log, and the check of such a proof against this log's keys and checkpoints.
 */
@Service
public class CustodyEvidence {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final LogStore store;
    private final CustodyProofs proofs;
    private final CustodySequencer sequencer;
    private final CustodySettings settings;

    CustodyEvidence(LogStore store, CustodyProofs proofs, CustodySequencer sequencer, CustodySettings settings) {
        this.store = store;
        this.proofs = proofs;
        this.sequencer = sequencer;
        this.settings = settings;
    }

    /**
     * Evidence that an event is in the log.
     *
     * @param eventId the event
     * @param assetId the asset the event belongs to
     * @param seq its sequence number
     * @param leafHash its leaf hash, lower-case hex
     * @param assetChainHead the leaf hash (hex) of the asset's newest entry when the evidence was taken
     * @param treeSize the size of the checkpoint the proof is against
     * @param checkpoint that checkpoint, as a C2SP signed note
     * @param tlogProof the inclusion proof as C2SP {@code tlog-proof@v1} text
     */
    public record Evidence(UUID eventId, UUID assetId, long seq, String leafHash, String assetChainHead,
            long treeSize, String checkpoint, String tlogProof) {
    }

    /**
     * The outcome of checking a proof.
     *
     * @param valid whether the proof holds
     * @param reason why not, in plain words; null when valid
     */
    public record ProofCheck(boolean valid, String reason) {

        static ProofCheck ok() {
            return new ProofCheck(true, null);
        }

        static ProofCheck failed(String reason) {
            return new ProofCheck(false, reason);
        }
    }

    /**
     * The evidence of a committed event, once it is sequenced and covered by a signed checkpoint; this node drains
     * the inbox and signs a checkpoint itself when it is the sequencer, else it waits up to {@code timeout} for the
     * sequencing node. Refused with 409 {@code not-yet-sequenced} if that takes longer.
     */
    public Evidence of(UUID eventId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        LogEntry entry = store.entryOfEvent(eventId).orElse(null);
        while (entry == null) {
            if (sequencer.drainNow() == 0) {
                waitOrGiveUp(deadline, eventId);
            }
            entry = store.entryOfEvent(eventId).orElse(null);
        }
        while (!sequencer.checkpointCovering(entry.seq() + 1)) {
            waitOrGiveUp(deadline, eventId);
        }
        long seq = entry.seq();
        InclusionProof proof = proofs.inclusionOfEvent(eventId);
        String head = store.headOfAsset(entry.assetId()).map(e -> hex(e.leafHash())).orElseThrow();
        return new Evidence(eventId, entry.assetId(), seq, hex(entry.leafHash()), head, proof.treeSize(),
                proof.checkpoint(), proof.tlogProof());
    }

    /**
     * Checks that {@code tlogProof} proves the leaf {@code leafHashHex} at position {@code seq} against a
     * checkpoint signed by this log's keys that the log has actually issued (same size, same root).
     */
    public ProofCheck verify(String leafHashHex, long seq, String tlogProof) {
        byte[] leaf;
        try {
            leaf = HexFormat.of().parseHex(leafHashHex);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ProofCheck.failed("the leaf hash is not hexadecimal");
        }
        if (leaf.length != 32) {
            return ProofCheck.failed("the leaf hash is not 32 bytes");
        }
        TlogProof parsed;
        try {
            parsed = TlogProof.parse(tlogProof);
        } catch (RuntimeException e) {
            return ProofCheck.failed("the custody proof is not a tlog-proof@v1 text: " + e.getMessage());
        }
        if (parsed.index() != seq) {
            return ProofCheck.failed("the custody proof is for log entry " + parsed.index() + ", not " + seq);
        }
        List<NoteKey> keys = store.verifierKeys().stream().map(NoteKey::parse).toList();
        Checkpoint checkpoint;
        try {
            checkpoint = parsed.verify(leaf, keys, settings.origin());
        } catch (RuntimeException e) {
            return ProofCheck.failed("the custody proof does not verify against this log's keys: " + e.getMessage());
        }
        Optional<StoredCheckpoint> issued = store.checkpoint(checkpoint.size());
        if (issued.isEmpty() || !Arrays.equals(issued.get().rootHash(), checkpoint.rootHash())) {
            return ProofCheck.failed("the proof's checkpoint (size " + checkpoint.size()
                    + ") is not one this log issued");
        }
        Optional<LogEntry> entry = store.entry(seq);
        if (entry.isEmpty() || !Arrays.equals(entry.get().leafHash(), leaf)) {
            return ProofCheck.failed("log entry " + seq + " has another leaf hash");
        }
        return ProofCheck.ok();
    }

    /**
     * One entry of the log exactly as stored, with its inclusion proof.
     *
     * @param seq its sequence number
     * @param eventId its event
     * @param envelope the canonical envelope bytes that were hashed (byte-exact)
     * @param leafHash SHA-256(0x00 || envelope), lower-case hex
     * @param treeSize the size of the checkpoint the proof leads to
     * @param tlogProof the inclusion proof as C2SP {@code tlog-proof@v1} text (the checkpoint note included)
     */
    public record ProvenEntry(long seq, UUID eventId, byte[] envelope, String leafHash, long treeSize,
            String tlogProof) {
    }

    /**
     * A signed checkpoint as issued.
     *
     * @param treeSize its tree size
     * @param note the C2SP signed note, verbatim
     * @param timestampToken its RFC 3161 timestamp token (DER), or null when it was not timestamped
     */
    public record SignedCheckpoint(long treeSize, String note, byte[] timestampToken) {
    }

    /**
     * Every sequenced entry of the asset, in order, each with its inclusion proof against the newest checkpoint
     * (which covers them all: this node sequences waiting events and signs one first when it is the sequencer, else
     * it waits up to {@code timeout}, then 409 {@code not-yet-sequenced}). Empty if the asset has no entry.
     */
    public List<ProvenEntry> entriesOfAsset(UUID assetId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        sequencer.drainNow();
        List<LogEntry> entries = store.entriesOfAsset(assetId);
        if (entries.isEmpty()) {
            return List.of();
        }
        long size = entries.get(entries.size() - 1).seq() + 1;
        while (!sequencer.checkpointCovering(size)) {
            waitOrGiveUp(deadline, entries.get(entries.size() - 1).eventId());
        }
        StoredCheckpoint checkpoint = store.latestCheckpoint().orElseThrow();
        SignedNote note = SignedNote.parse(checkpoint.note());
        return store.withTree(tree -> entries.stream().map(e -> {
            List<byte[]> path = Merkle.inclusionProof(e.seq(), checkpoint.treeSize(), tree);
            return new ProvenEntry(e.seq(), e.eventId(), e.envelope(), hex(e.leafHash()), checkpoint.treeSize(),
                    new TlogProof(null, e.seq(), path, note).format());
        }).toList());
    }

    /** The checkpoint of exactly this tree size with its timestamp token, if the log issued one. */
    public Optional<SignedCheckpoint> checkpoint(long treeSize) {
        return store.checkpoint(treeSize).map(c -> new SignedCheckpoint(c.treeSize(), c.note(),
                store.timestampToken(treeSize).orElse(null)));
    }

    /** Every verifier key the log has ever signed with, oldest first, as C2SP verifier-key lines. */
    public List<String> verifierKeys() {
        return store.verifierKeys();
    }

    /** The log's origin, the first line of its checkpoints. */
    public String origin() {
        return settings.origin();
    }

    /**
     * The assets with custody entries recorded in {@code [from, to)}, in the order of their first such entry
     * (found by sequence-number ranges, as recording times never go backwards along the log).
     */
    public List<UUID> assetsRecordedBetween(java.time.Instant from, java.time.Instant to) {
        long first = store.firstSeqRecordedAtOrAfter(from);
        long end = store.firstSeqRecordedAtOrAfter(to);
        return first >= end ? List.of() : store.assetsInRange(first, end);
    }

    /** How many entries were recorded in {@code [from, to)}: O(log n) primary-key lookups. */
    public long entriesRecordedBetween(java.time.Instant from, java.time.Instant to) {
        return Math.max(0, store.firstSeqRecordedAtOrAfter(to) - store.firstSeqRecordedAtOrAfter(from));
    }

    private static void waitOrGiveUp(long deadline, UUID eventId) {
        if (System.nanoTime() > deadline) {
            throw new DomainRuleViolated(HttpStatus.CONFLICT, "not-yet-sequenced", null, "event " + eventId
                    + " is not yet sequenced and checkpointed by the custody log; try again in a few seconds");
        }
        LockSupport.parkNanos(POLL_NANOS);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
