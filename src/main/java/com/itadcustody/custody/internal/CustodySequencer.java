package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.Node;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The single writer of the custody log. On every node it tries to become leader by taking a PostgreSQL
 * session-level advisory lock on a connection it keeps; the leader drains the inbox in batches, giving each event
 * the next gap-free sequence number, its {@code recordedAt} and {@code assetPrev}, its canonical envelope and leaf
 * hash, and extends the Merkle tree, all in one transaction on that same connection. If the leader's session dies,
 * PostgreSQL releases the lock and another node takes over; a node that lost its connection cannot write.
 */
@Component
public class CustodySequencer implements SmartLifecycle {

    /** Advisory lock key of the sequencer ("ITADSEQ1" as a number). */
    static final long LOCK_KEY = 0x4954414453455131L;

    private static final Logger log = LoggerFactory.getLogger(CustodySequencer.class);

    private final DataSource dataSource;
    private final CustodySettings settings;
    private final Checkpointer checkpointer;
    private ScheduledExecutorService executor;
    private Connection leader;
    private volatile boolean running;

    CustodySequencer(DataSource dataSource, CustodySettings settings, Checkpointer checkpointer) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.checkpointer = checkpointer;
    }

    @Override
    public void start() {
        running = true;
        if (!settings.sequencerEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "custody-sequencer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, settings.sequencerInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            resign();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this node holds the sequencer lock right now. */
    public synchronized boolean isLeader() {
        return leader != null;
    }

    /**
     * Drains the whole inbox now if this node is (or can become) the leader, and returns how many events were
     * sequenced; 0 if another node leads.
     */
    public synchronized int drainNow() {
        if (!lead()) {
            return 0;
        }
        try {
            int total = 0;
            int drained;
            do {
                drained = drainBatch(leader);
                total += drained;
            } while (drained == settings.batchSize());
            return total;
        } catch (SQLException | RuntimeException e) {
            log.warn("Sequencing failed; giving up leadership and retrying: {}", e.getMessage());
            resign();
            throw new IllegalStateException("custody sequencing failed", e);
        }
    }

    /** Signs a checkpoint of the current tree now (if it has grown), draining the inbox first. */
    public synchronized void checkpointNow() {
        if (!tryCheckpointNow()) {
            throw new IllegalStateException("another node is the custody log's sequencer");
        }
    }

    /**
     * Drains the inbox and signs a checkpoint now if this node is (or can become) the leader; false if another
     * node leads (its next checkpoint follows within the checkpoint interval).
     */
    public synchronized boolean tryCheckpointNow() {
        drainNow();
        if (!lead()) {
            return false;
        }
        try {
            checkpointer.checkpoint(leader, true);
            return true;
        } catch (SQLException e) {
            resign();
            throw new IllegalStateException("custody checkpoint failed", e);
        }
    }

    /**
     * Makes sure a signed checkpoint covers the first {@code size} entries: nothing to do if one already does
     * (so concurrent callers share one checkpoint), else drains and signs one now if this node is (or can become)
     * the leader; false if another node leads and no checkpoint covers them yet.
     */
    public synchronized boolean checkpointCovering(long size) {
        if (latestCheckpointSize() >= size) {
            return true;
        }
        return tryCheckpointNow() && latestCheckpointSize() >= size;
    }

    private long latestCheckpointSize() {
        try (Connection c = dataSource.getConnection()) {
            return single(c, "select coalesce(max(tree_size), 0) from custody_checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the latest checkpoint", e);
        }
    }

    private synchronized void tick() {
        try {
            drainNow();
            if (leader != null) {
                checkpointer.checkpoint(leader, false);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Custody sequencer tick failed: {}", e.getMessage());
            resign();
        }
    }

    private boolean lead() {
        if (leader != null) {
            return true;
        }
        Connection candidate = null;
        try {
            candidate = dataSource.getConnection();
            candidate.setAutoCommit(true);
            try (PreparedStatement ps = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        leader = candidate;
                        log.info("This node is now the custody log's sequencer");
                        return true;
                    }
                }
            }
            candidate.close();
        } catch (SQLException e) {
            log.debug("Could not try the sequencer lock: {}", e.getMessage());
            closeQuietly(candidate);
        }
        return false;
    }

    private void resign() {
        if (leader != null) {
            try (PreparedStatement ps = leader.prepareStatement("select pg_advisory_unlock(?)")) {
                leader.setAutoCommit(true);
                ps.setLong(1, LOCK_KEY);
                ps.execute();
            } catch (SQLException ignored) {
                // a dead session has released the lock already
            }
            closeQuietly(leader);
            leader = null;
        }
    }

    private int drainBatch(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<InboxEvent> events = inbox(c, settings.batchSize());
            if (events.isEmpty()) {
                c.commit();
                return 0;
            }
            LastEntry last = lastEntry(c);
            long size = last == null ? 0 : last.seq() + 1;
            Map<UUID, byte[]> heads = assetHeads(c, events);
            StoredTree tree = new StoredTree(c);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant recordedAt = last != null && last.recordedAt().isAfter(now) ? last.recordedAt() : now;
            List<Node> nodes = new ArrayList<>();
            try (PreparedStatement entry = c.prepareStatement("insert into custody_entry (seq, event_id, asset_id,"
                    + " envelope, leaf_hash, recorded_at) values (?, ?, ?, ?, ?, ?)")) {
                for (InboxEvent event : events) {
                    byte[] envelope = Envelopes.envelope(settings.origin(), size, event, recordedAt,
                            heads.get(event.assetId()));
                    byte[] leaf = Merkle.leafHash(envelope);
                    heads.put(event.assetId(), leaf);
                    nodes.addAll(tree.append(size, leaf));
                    entry.setLong(1, size);
                    entry.setObject(2, event.eventId());
                    entry.setObject(3, event.assetId());
                    entry.setBytes(4, envelope);
                    entry.setBytes(5, leaf);
                    entry.setTimestamp(6, Timestamp.from(recordedAt));
                    entry.addBatch();
                    size++;
                }
                entry.executeBatch();
            }
            try (PreparedStatement node = c.prepareStatement(
                    "insert into custody_tree_node (level, idx, hash) values (?, ?, ?)")) {
                for (Node n : nodes) {
                    node.setInt(1, n.level());
                    node.setLong(2, n.index());
                    node.setBytes(3, n.hash());
                    node.addBatch();
                }
                node.executeBatch();
            }
            c.commit();
            return events.size();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the caller resigns
            }
            throw e;
        }
    }

    /**
     * Takes the oldest events out of the inbox in one statement (the rows are found by their physical address, and
     * come back if the batch's transaction rolls back), in the order they were appended.
     */
    private static List<InboxEvent> inbox(Connection c, int limit) throws SQLException {
        List<Taken> taken = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                delete from custody_inbox
                where ctid = any(array(select ctid from custody_inbox order by created_at, event_id limit ?))
                returning event_id, asset_id, asset_serial, medium_serial, type, occurred_at, actor_id, actor_role,
                          actor_org, location, evidence::text, data::text, created_at""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(new Taken(rs.getTimestamp(13).toInstant(), new InboxEvent(rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), rs.getObject(7, UUID.class), rs.getString(8),
                            rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11), rs.getString(12))));
                }
            }
        }
        taken.sort(Comparator.comparing(Taken::createdAt).thenComparing(t -> t.event().eventId()));
        return taken.stream().map(Taken::event).toList();
    }

    private record Taken(Instant createdAt, InboxEvent event) {
    }

    private static Map<UUID, byte[]> assetHeads(Connection c, List<InboxEvent> events) throws SQLException {
        Map<UUID, byte[]> heads = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select a.id, h.leaf_hash from unnest(?::uuid[]) a(id)
                cross join lateral (select leaf_hash from custody_entry e where e.asset_id = a.id
                                    order by e.seq desc limit 1) h""")) {
            ps.setArray(1, c.createArrayOf("uuid", events.stream().map(InboxEvent::assetId).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getObject(1, UUID.class), rs.getBytes(2));
                }
            }
        }
        return heads;
    }

    private static LastEntry lastEntry(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select seq, recorded_at from custody_entry order by seq desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new LastEntry(rs.getLong(1), rs.getTimestamp(2).toInstant()) : null;
        }
    }

    private record LastEntry(long seq, Instant recordedAt) {
    }

    static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to do
            }
        }
    }
}
