package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.tlog.SubtreeHashes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read access to the sequenced log, its tree nodes and its checkpoints. */
@Repository
public class LogStore {

    private static final RowMapper<LogEntry> ENTRY = (rs, n) -> new LogEntry(rs.getLong("seq"),
            rs.getObject("event_id", UUID.class), rs.getObject("asset_id", UUID.class), rs.getBytes("envelope"),
            rs.getBytes("leaf_hash"), rs.getTimestamp("recorded_at").toInstant());
    private static final RowMapper<StoredCheckpoint> CHECKPOINT = (rs, n) -> new StoredCheckpoint(
            rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("note"), rs.getString("key_id"),
            rs.getTimestamp("issued_at").toInstant());
    private static final String ENTRY_COLUMNS = "seq, event_id, asset_id, envelope, leaf_hash, recorded_at";
    private static final String CHECKPOINT_COLUMNS = "tree_size, root_hash, note, key_id, issued_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LogStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** How many entries the log has. */
    public long size() {
        return jdbc.sql("select coalesce(max(seq) + 1, 0) from custody_entry").query(Long.class).single();
    }

    /** The entry with this sequence number. */
    public Optional<LogEntry> entry(long seq) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from custody_entry where seq = :seq").param("seq", seq)
                .query(ENTRY).optional();
    }

    /** The entry of this event. */
    public Optional<LogEntry> entryOfEvent(UUID eventId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from custody_entry where event_id = :id").param("id", eventId)
                .query(ENTRY).optional();
    }

    /** The asset's entries in sequence order. */
    public List<LogEntry> entriesOfAsset(UUID assetId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from custody_entry where asset_id = :asset order by seq")
                .param("asset", assetId).query(ENTRY).list();
    }

    /** The asset's newest sequenced entry, the head of its custody chain. */
    public Optional<LogEntry> headOfAsset(UUID assetId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from custody_entry where asset_id = :asset"
                + " order by seq desc limit 1").param("asset", assetId).query(ENTRY).optional();
    }

    /** Entries {@code [from, to)} in sequence order. */
    public List<LogEntry> range(long from, long to) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from custody_entry where seq >= :from and seq < :to order by seq")
                .param("from", from).param("to", to).query(ENTRY).list();
    }

    /** The newest checkpoint. */
    public Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.sql("select " + CHECKPOINT_COLUMNS + " from custody_checkpoint order by tree_size desc limit 1")
                .query(CHECKPOINT).optional();
    }

    /** The checkpoint of exactly this tree size. */
    public Optional<StoredCheckpoint> checkpoint(long treeSize) {
        return jdbc.sql("select " + CHECKPOINT_COLUMNS + " from custody_checkpoint where tree_size = :size")
                .param("size", treeSize).query(CHECKPOINT).optional();
    }

    /** Every checkpoint, oldest first. */
    public List<StoredCheckpoint> checkpoints() {
        return jdbc.sql("select " + CHECKPOINT_COLUMNS + " from custody_checkpoint order by tree_size")
                .query(CHECKPOINT).list();
    }

    /** The RFC 3161 timestamp token of the checkpoint at this size, if it has one. */
    public Optional<byte[]> timestampToken(long treeSize) {
        return jdbc.sql("select tsa_token from custody_checkpoint where tree_size = :size and tsa_token is not null")
                .param("size", treeSize).query(byte[].class).optional();
    }

    /** Every verifier key the log has used, as C2SP verifier key strings. */
    public List<String> verifierKeys() {
        return jdbc.sql("select verifier_key from custody_log_key order by created_at, key_id").query(String.class)
                .list();
    }

    /**
     * The first sequence number whose entry was recorded at or after {@code time} (the log's size if none): a
     * binary search over the primary key, as {@code recordedAt} never goes backwards along the log.
     */
    public long firstSeqRecordedAtOrAfter(java.time.Instant time) {
        long low = 0;
        long high = size();
        java.sql.Timestamp bound = java.sql.Timestamp.from(time);
        while (low < high) {
            long middle = (low + high) >>> 1;
            boolean before = jdbc.sql("select recorded_at < :bound from custody_entry where seq = :seq")
                    .param("bound", bound).param("seq", middle).query(Boolean.class).optional().orElse(false);
            if (before) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The assets with entries in {@code [from, to)}, in the order of their first entry there. */
    public List<UUID> assetsInRange(long from, long to) {
        return jdbc.sql("select asset_id from custody_entry where seq >= :from and seq < :to group by asset_id"
                + " order by min(seq)").param("from", from).param("to", to).query(UUID.class).list();
    }

    /** The stored tree's perfect-subtree hashes, read one by one (each proof needs O(log n) of them). */
    public SubtreeHashes tree() {
        return (level, index) -> jdbc.sql("select hash from custody_tree_node where level = :level and idx = :idx")
                .param("level", level).param("idx", index).query(byte[].class).optional()
                .orElseThrow(() -> new IllegalStateException("tree node " + level + "/" + index + " is missing"));
    }

    /**
     * Computes something from the stored tree in one database round trip: which nodes a Merkle computation reads
     * depends only on sizes and indices, never on hash values, so a dry run with placeholder hashes lists them,
     * one query fetches them all, and the computation then runs on the fetched nodes.
     */
    public <T> T withTree(Function<SubtreeHashes, T> computation) {
        return template.execute((ConnectionCallback<T>) connection -> {
            StoredTree tree = new StoredTree(connection);
            tree.prefetch(computation::apply);
            return computation.apply(tree);
        });
    }

}
