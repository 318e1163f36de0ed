package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.Node;
import com.itadcustody.custody.internal.tlog.SubtreeHashes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle tree as stored in {@code custody_tree_node}: reads perfect-subtree hashes for proofs, and, while the
 * sequencer appends, keeps the nodes of the current batch that are not yet written.
 */
final class StoredTree implements SubtreeHashes {

    private final Connection connection;
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
     * Adds leaf {@code index} (the tree had {@code index} leaves) and returns the perfect subtrees it completes,
     * remembering them for the rest of the batch.
     */
    List<Node> append(long index, byte[] leafHash) {
        List<Node> completed = Merkle.append(index, leafHash, this);
        completed.forEach(n -> pending.put(n.level() + ":" + n.index(), n.hash()));
        return completed;
    }
}
