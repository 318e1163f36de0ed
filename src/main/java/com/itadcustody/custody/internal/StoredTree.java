package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.Node;
import com.itadcustody.custody.internal.tlog.SubtreeHashes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Merkle tree as stored in {@code custody_tree_node}: reads perfect-subtree hashes for proofs, and, while the
 * sequencer appends, keeps the nodes of the current batch that are not yet written (and nodes read ahead).
 */
final class StoredTree implements SubtreeHashes {

    private final Connection connection;
    private static final byte[] PLACEHOLDER = new byte[Merkle.HASH_SIZE];

    private final Map<String, byte[]> pending = new HashMap<>();

    StoredTree(Connection connection) {
        this.connection = connection;
    }

    @Override
    public byte[] hash(int level, long index) {
        byte[] unwritten = pending.get(level + ":" + index);
        if (unwritten != null) {
            return unwritten;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "select hash from custody_tree_node where level = ? and idx = ?")) {
            ps.setInt(1, level);
            ps.setLong(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("tree node " + level + "/" + index + " is missing");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read tree node " + level + "/" + index, e);
        }
    }

    /**
     * Reads in one query every stored node that {@code computation} will ask for (which nodes a Merkle computation
     * reads depends only on sizes and indices, so a dry run with placeholder hashes lists them), so that running it
     * afterwards makes no further round trips.
     */
    void prefetch(Consumer<SubtreeHashes> computation) {
        Set<String> wanted = new LinkedHashSet<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> indices = new ArrayList<>();
        computation.accept((level, index) -> {
            String key = level + ":" + index;
            if (!pending.containsKey(key) && wanted.add(key)) {
                levels.add(level);
                indices.add(index);
            }
            return PLACEHOLDER;
        });
        if (wanted.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("""
                select n.level, n.idx, n.hash from custody_tree_node n
                join unnest(?::smallint[], ?::bigint[]) w(level, idx) on n.level = w.level and n.idx = w.idx""")) {
            ps.setArray(1, connection.createArrayOf("smallint", levels.toArray()));
            ps.setArray(2, connection.createArrayOf("bigint", indices.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.put(rs.getInt(1) + ":" + rs.getLong(2), rs.getBytes(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read tree nodes", e);
        }
    }

    /**
     * Adds leaf {@code index} (the tree had {@code index} leaves) and returns the perfect subtrees it completes,
     * remembering them for the rest of the batch.
     */
    List<Node> append(long index, byte[] leafHash) {
        List<Node> completed = Merkle.append(index, leafHash, this);
        completed.forEach(n -> pending.put(n.level() + ":" + n.index(), n.hash()));
        return completed;
    }
}
