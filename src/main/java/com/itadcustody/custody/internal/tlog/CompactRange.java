package com.itadcustody.custody.internal.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The frontier of a growing tree held in memory: the at most log<sub>2</sub>(n)+1 perfect subtrees whose
 * concatenation is the whole tree of n leaves (one per one-bit of n, largest first).
 *
 * <p>A sequencer loads it once ({@link #load}, popcount(n) reads) and then appends a batch of leaves without any
 * further reads; each {@link #append} returns the perfect subtrees the new leaf completes, which are the nodes to
 * store so that later proofs can be served by {@link Merkle}. Not thread-safe.
 */
public final class CompactRange {

    private long size;
    private final List<byte[]> frontier;

    private CompactRange(long size, List<byte[]> frontier) {
        this.size = size;
        this.frontier = frontier;
    }

    /** The frontier of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** Reads the frontier of the tree of {@code size} leaves from storage: one stored node per one-bit of size. */
    public static CompactRange load(long size, SubtreeHashes store) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        Objects.requireNonNull(store, "store");
        List<byte[]> frontier = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            long count = 1L << level;
            if ((size & count) != 0) {
                byte[] hash = store.hash(level, start >>> level);
                if (hash == null || hash.length != Merkle.HASH_SIZE) {
                    throw new IllegalStateException("store returned no 32-byte hash for level " + level
                            + ", index " + (start >>> level));
                }
                frontier.add(hash.clone());
                start += count;
            }
        }
        return new CompactRange(size, frontier);
    }

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /**
     * Appends the next leaf (number {@link #size()}) and returns every perfect subtree it completes, the leaf first
     * and then upwards; the caller stores them.
     */
    public List<Node> append(byte[] leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        if (leafHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("leaf hash must be 32 bytes, got " + leafHash.length);
        }
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("tree is full");
        }
        List<Node> completed = new ArrayList<>();
        byte[] hash = leafHash.clone();
        long index = size;
        int level = 0;
        completed.add(new Node(0, index, hash));
        while ((index & 1) == 1) {
            hash = Merkle.nodeHash(frontier.remove(frontier.size() - 1), hash);
            index >>= 1;
            level++;
            completed.add(new Node(level, index, hash));
        }
        frontier.add(hash);
        size++;
        return completed;
    }

    /** The tree head of the leaves appended so far. */
    public byte[] root() {
        if (frontier.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] hash = frontier.get(frontier.size() - 1);
        for (int i = frontier.size() - 2; i >= 0; i--) {
            hash = Merkle.nodeHash(frontier.get(i), hash);
        }
        return hash.clone();
    }

    /** The perfect subtrees that make up the tree, largest (leftmost) first. */
    public List<Node> frontier() {
        List<Node> nodes = new ArrayList<>(frontier.size());
        long start = 0;
        int i = 0;
        for (int level = 62; level >= 0; level--) {
            long count = 1L << level;
            if ((size & count) != 0) {
                nodes.add(new Node(level, start >>> level, frontier.get(i++)));
                start += count;
            }
        }
        return nodes;
    }
}
