package com.itadcustody.custody.internal.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A whole Merkle tree kept in memory as its perfect subtrees, for offline verification of an exported log and for
 * tests: about 64 bytes per leaf. Appending keeps every completed perfect subtree, so {@link Merkle} can produce
 * any proof from it. Not thread-safe.
 */
public final class InMemoryTree implements SubtreeHashes {

    private final List<byte[]> levels = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private long size;

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /** Appends a log entry (hashing it as a leaf) and returns its leaf index. */
    public long appendEntry(byte[] entry) {
        return appendLeafHash(Merkle.leafHash(entry));
    }

    /** Appends a leaf by its leaf hash and returns its leaf index. */
    public long appendLeafHash(byte[] leafHash) {
        for (Node node : Merkle.append(size, leafHash, this)) {
            put(node.level(), node.index(), node.hash());
        }
        return size++;
    }

    /** The tree head of the first {@code treeSize} leaves (any size up to {@link #size()}). */
    public byte[] root(long treeSize) {
        requireSize(treeSize);
        return Merkle.root(treeSize, this);
    }

    /** The tree head of all leaves. */
    public byte[] root() {
        return root(size);
    }

    /** The leaf hash at the given index. */
    public byte[] leafHash(long index) {
        return hash(0, index);
    }

    /** The inclusion proof of a leaf in the tree of the first {@code treeSize} leaves. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        return Merkle.inclusionProof(index, treeSize, this);
    }

    /** The consistency proof between two tree sizes up to {@link #size()}. */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        requireSize(newSize);
        return Merkle.consistencyProof(oldSize, newSize, this);
    }

    /** The stored perfect subtree at the level and index; throws IllegalArgumentException if it is not complete. */
    @Override
    public byte[] hash(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= counts.get(level)) {
            throw new IllegalArgumentException("no perfect subtree at level " + level + ", index " + index
                    + " in a tree of size " + size);
        }
        int offset = Math.toIntExact(index * Merkle.HASH_SIZE);
        return Arrays.copyOfRange(levels.get(level), offset, offset + Merkle.HASH_SIZE);
    }

    private void put(int level, long index, byte[] hash) {
        Objects.requireNonNull(hash, "hash");
        while (levels.size() <= level) {
            levels.add(new byte[Merkle.HASH_SIZE * 16]);
            counts.add(0L);
        }
        if (counts.get(level) != index) {
            throw new IllegalStateException("nodes must be stored in order: level " + level + " expected index "
                    + counts.get(level) + ", got " + index);
        }
        byte[] store = levels.get(level);
        int offset = Math.toIntExact(index * Merkle.HASH_SIZE);
        if (offset + Merkle.HASH_SIZE > store.length) {
            store = Arrays.copyOf(store, Math.toIntExact(Math.min(Integer.MAX_VALUE - 64, 2L * store.length)));
            levels.set(level, store);
        }
        System.arraycopy(hash, 0, store, offset, Merkle.HASH_SIZE);
        counts.set(level, index + 1);
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside [0, " + size + "]");
        }
    }
}
