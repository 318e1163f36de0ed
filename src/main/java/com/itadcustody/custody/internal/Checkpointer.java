package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.NoteKey;
import com.itadcustody.custody.internal.tlog.NoteSigner;
import com.itadcustody.custody.internal.tlog.SignedNote;
import com.itadcustody.custody.internal.tlog.VerificationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints (C2SP tlog-checkpoint bodies as Ed25519 signed notes) on the sequencer's connection: when the
 * tree has grown and the interval has passed, or on demand. A new checkpoint is signed only after the previous
 * one's signature and a consistency proof from it to the new tree both verify; issue times never go backwards.
 */
@Component
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final CustodySettings settings;
    private final LogSigningKey key;
    private final LastSignedCheckpoint lastSigned;
    private final TimestampClient tsa;
    private Instant lastAttempt = Instant.EPOCH;

    Checkpointer(CustodySettings settings, LogSigningKey key, LastSignedCheckpoint lastSigned, TimestampClient tsa) {
        this.tsa = tsa;
        this.settings = settings;
        this.key = key;
        this.lastSigned = lastSigned;
    }

    /** Signs a checkpoint if the tree has grown and (unless {@code now}) the interval has passed. */
    void checkpoint(Connection c, boolean now) throws SQLException {
        if (!now && Instant.now().isBefore(lastAttempt.plus(settings.checkpointInterval()))) {
            return;
        }
        lastAttempt = Instant.now();
        c.setAutoCommit(false);
        try {
            long size = CustodySequencer.single(c, "select coalesce(max(seq) + 1, 0) from custody_entry");
            StoredCheckpoint previous = latest(c);
            if (size == 0 || (previous != null && previous.treeSize() >= size)) {
                c.commit();
                return;
            }
            StoredTree tree = new StoredTree(c);
            StoredCheckpoint remembered = lastSigned.read(c);
            tree.prefetch(nodes -> {
                Merkle.root(size, nodes);
                for (StoredCheckpoint earlier : new StoredCheckpoint[] {previous, remembered}) {
                    if (earlier != null && earlier.treeSize() < size) {
                        Merkle.consistencyProof(earlier.treeSize(), size, nodes);
                    }
                }
            });
            byte[] root = Merkle.root(size, tree);
            Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (remembered != null && (previous == null || remembered.treeSize() > previous.treeSize())) {
                // the database lost checkpoints this node signed: refuse to sign over a possibly rewritten history
                if (remembered.treeSize() > size) {
                    throw new IllegalStateException("the log has " + size + " entries but this node signed a"
                            + " checkpoint at size " + remembered.treeSize() + "; entries or checkpoints were removed");
                }
                checkPrevious(c, remembered, size, root, tree);
            }
            if (previous != null) {
                checkPrevious(c, previous, size, root, tree);
                if (previous.issuedAt().isAfter(issuedAt)) {
                    issuedAt = previous.issuedAt();
                }
            }
            NoteSigner signer = key.signer();
            SignedNote note = new Checkpoint(settings.origin(), size, root).sign(signer);
            byte[] timestamp = timestamp(note);
            try (PreparedStatement ps = c.prepareStatement("insert into custody_checkpoint (tree_size, root_hash, note,"
                    + " key_id, issued_at, tsa_token) values (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, size);
                ps.setBytes(2, root);
                ps.setString(3, note.encode());
                ps.setString(4, signer.verifierKey().keyIdHex());
                ps.setTimestamp(5, Timestamp.from(issuedAt));
                ps.setBytes(6, timestamp);
                ps.executeUpdate();
            }
            c.commit();
            lastSigned.write(new StoredCheckpoint(size, root, note.encode(), signer.verifierKey().keyIdHex(),
                    issuedAt));
            log.debug("Signed custody checkpoint at tree size {}", size);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** The TSA's token over the signed note, or null if no TSA is configured or it failed (logged). */
    private byte[] timestamp(SignedNote note) {
        if (!tsa.enabled()) {
            return null;
        }
        try {
            return tsa.timestamp(note.encodeUtf8());
        } catch (java.io.IOException e) {
            log.warn("Checkpoint signed without an RFC 3161 timestamp: {}", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void checkPrevious(Connection c, StoredCheckpoint previous, long size, byte[] root, StoredTree tree)
            throws SQLException {
        try {
            // trust the root inside the signed note, not the column next to it
            Checkpoint signed = Checkpoint.open(previous.note(), settings.origin(), keys(c));
            Merkle.verifyConsistency(signed.size(), size, Merkle.consistencyProof(signed.size(), size, tree),
                    signed.rootHash(), root);
        } catch (VerificationException | IllegalArgumentException e) {
            log.error("Refusing to sign a checkpoint at size {}: the checkpoint at size {} does not verify: {}",
                    size, previous.treeSize(), e.getMessage());
            throw new IllegalStateException("custody log inconsistent with checkpoint " + previous.treeSize(), e);
        }
    }

    private static StoredCheckpoint latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select tree_size, root_hash, note, key_id, issued_at"
                + " from custody_checkpoint order by tree_size desc limit 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant()) : null;
        }
    }

    private static List<NoteKey> keys(Connection c) throws SQLException {
        List<NoteKey> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select verifier_key from custody_log_key");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(NoteKey.parse(rs.getString(1)));
            }
        }
        return keys;
    }
}
