package com.itadcustody.custody.internal.tlog;

import java.util.Arrays;
import java.util.Objects;

/**
 * The hash of one perfect subtree: level L, index i covers the leaves {@code [i·2^L, (i+1)·2^L)} (see
 * {@link SubtreeHashes}).
 *
 * @param level height above the leaves, 0 for a leaf
 * @param index position within the level, from 0
 * @param hash the 32-byte SHA-256 node hash
 */
public record Node(int level, long index, byte[] hash) {

    /** Validates the coordinates and copies the hash. */
    public Node {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("level must be in [0, 62]: " + level);
        }
        if (index < 0 || level > 0 && index > Long.MAX_VALUE >>> level) {
            throw new IllegalArgumentException("index out of range at level " + level + ": " + index);
        }
        Objects.requireNonNull(hash, "hash");
        if (hash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("node hash must be 32 bytes, got " + hash.length);
        }
        hash = hash.clone();
    }

    /** A copy of the 32-byte node hash. */
    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** The index of the first leaf this subtree covers. */
    public long firstLeaf() {
        return index << level;
    }

    /** How many leaves this subtree covers (2^level). */
    public long leafCount() {
        return 1L << level;
    }

    /** Equal when level, index and hash bytes are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Node n && n.level == level && n.index == index && Arrays.equals(n.hash, hash);
    }

    /** A hash code consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(level, index, Arrays.hashCode(hash));
    }

    /** Level, index and the hash in hex. */
    @Override
    public String toString() {
        return "Node[level=" + level + ", index=" + index + ", hash=" + Codec.hex(hash) + "]";
    }
}
