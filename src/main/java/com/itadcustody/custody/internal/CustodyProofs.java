package com.itadcustody.custody.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.SignedNote;
import com.itadcustody.custody.internal.tlog.TlogProof;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Proofs from the stored log: inclusion of an entry and consistency between tree sizes, each against a signed
 * checkpoint, and an asset's whole custody chain. Every proof reads O(log n) stored tree nodes.
 */
@Service
public class CustodyProofs {

    private final LogStore store;
    private final CustodySequencer sequencer;

    CustodyProofs(LogStore store, CustodySequencer sequencer) {
        this.store = store;
        this.sequencer = sequencer;
    }

    /** The newest checkpoint; 404 before the first one. */
    public StoredCheckpoint latestCheckpoint() {
        return store.latestCheckpoint().orElseThrow(() -> new NotFound("checkpoint", "latest"));
    }

    /** Every checkpoint, oldest first. */
    public List<StoredCheckpoint> checkpoints() {
        return store.checkpoints();
    }

    /** The RFC 3161 token of a checkpoint; 404 if the checkpoint does not exist or was not timestamped. */
    public byte[] timestampToken(long treeSize) {
        return store.timestampToken(treeSize).orElseThrow(() -> new NotFound("timestamp of checkpoint", treeSize));
    }

    /** Every verifier key the log has signed with. */
    public List<String> verifierKeys() {
        return store.verifierKeys();
    }

    /** Signs a checkpoint of everything sequenced so far and returns the newest checkpoint. */
    public StoredCheckpoint checkpointNow() {
        if (!sequencer.tryCheckpointNow()) {
            throw DomainRuleViolated.conflict("not-the-sequencer", null,
                    "another node sequences the log; its next checkpoint follows within seconds");
        }
        return latestCheckpoint();
    }

    /** Inclusion proof of the entry with this sequence number against the newest checkpoint covering it. */
    public InclusionProof inclusion(long seq) {
        LogEntry entry = store.entry(seq).orElseThrow(() -> new NotFound("log entry", seq));
        StoredCheckpoint checkpoint = covering(seq);
        return proof(entry, checkpoint);
    }

    /** Inclusion proof of an event, by its id. */
    public InclusionProof inclusionOfEvent(UUID eventId) {
        LogEntry entry = store.entryOfEvent(eventId).orElseThrow(() -> new NotFound("log entry of event", eventId));
        return proof(entry, covering(entry.seq()));
    }

    /** Consistency proof from tree size {@code from} to {@code to} (RFC 9162 section 2.1.4). */
    public ConsistencyProof consistency(long from, long to) {
        long size = store.size();
        if (from < 1 || from > to) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-tree-size", "from",
                    "from must be at least 1 and at most to");
        }
        if (to > size) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-tree-size", "to",
                    "to must be at most the log's size, " + size);
        }
        return store.withTree(tree -> new ConsistencyProof(from, to, b64(Merkle.root(from, tree)),
                b64(Merkle.root(to, tree)), Merkle.consistencyProof(from, to, tree).stream().map(CustodyProofs::b64)
                        .toList()));
    }

    /** The asset's custody chain: every envelope in order with its inclusion proof against one checkpoint. */
    public AssetChain chain(UUID assetId) {
        List<LogEntry> entries = store.entriesOfAsset(assetId);
        if (entries.isEmpty()) {
            throw new NotFound("custody chain of asset", assetId);
        }
        StoredCheckpoint checkpoint = covering(entries.get(entries.size() - 1).seq());
        List<ChainLink> links = store.withTree(tree -> entries.stream().map(e -> new ChainLink(e.seq(),
                e.eventId(), new String(e.envelope(), StandardCharsets.UTF_8), hex(e.leafHash()),
                Merkle.inclusionProof(e.seq(), checkpoint.treeSize(), tree).stream().map(CustodyProofs::b64)
                        .toList())).toList());
        return new AssetChain(assetId, hex(entries.get(entries.size() - 1).leafHash()), checkpoint.treeSize(),
                checkpoint.note(), links);
    }

    private StoredCheckpoint covering(long seq) {
        StoredCheckpoint latest = store.latestCheckpoint().orElse(null);
        if (latest == null || latest.treeSize() <= seq) {
            sequencer.tryCheckpointNow();
            latest = store.latestCheckpoint().filter(c -> c.treeSize() > seq).orElseThrow(() ->
                    DomainRuleViolated.conflict("not-yet-checkpointed", null,
                            "entry " + seq + " is not covered by a checkpoint yet; try again in a few seconds"));
        }
        return latest;
    }

    private InclusionProof proof(LogEntry entry, StoredCheckpoint checkpoint) {
        List<byte[]> path = store.withTree(
                tree -> Merkle.inclusionProof(entry.seq(), checkpoint.treeSize(), tree));
        String text = new TlogProof(null, entry.seq(), path, SignedNote.parse(checkpoint.note())).format();
        return new InclusionProof(entry.seq(), entry.eventId(), hex(entry.leafHash()), checkpoint.treeSize(),
                path.stream().map(CustodyProofs::b64).toList(), checkpoint.note(), text);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * An inclusion proof as JSON: hashes in base64 (as in C2SP formats), the leaf hash in hex (as
     * {@code sha256sum} prints it).
     */
    public record InclusionProof(long seq, UUID eventId, String leafHash, long treeSize, List<String> proof,
            String checkpoint, @JsonIgnore String tlogProof) {
    }

    /** A consistency proof between two tree sizes, with both roots. */
    public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof) {
    }

    /** One link of an asset's chain: the envelope as stored, its leaf hash and its inclusion proof. */
    public record ChainLink(long seq, UUID eventId, String envelope, String leafHash, List<String> proof) {
    }

    /** An asset's custody chain against one checkpoint. */
    public record AssetChain(UUID assetId, String head, long treeSize, String checkpoint, List<ChainLink> links) {
    }
}
