package com.itadcustody.custody.internal.tlog;

/**
 * Read access to the stored hashes of the log's <em>perfect</em> subtrees, the only tree nodes a log ever needs to
 * keep.
 *
 * <p>The node at {@code level} L and {@code index} i is the root of the complete binary subtree over the
 * 2<sup>L</sup> leaves {@code [i·2^L, (i+1)·2^L)}; level 0 holds the leaf hashes themselves. Such a node never
 * changes once its last leaf is appended, so it can be written once (see {@link Merkle#append} and
 * {@link CompactRange}) and read by every later proof. Nodes on the ragged right edge of a tree whose size is not a
 * power of two are never stored; {@link Merkle} recomputes them from at most log<sub>2</sub>(n) perfect subtrees.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /**
     * The 32-byte hash of the perfect subtree at the given level and index; implementations throw if it has not
     * been stored (it does not exist yet).
     */
    byte[] hash(int level, long index);
}
