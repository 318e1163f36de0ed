package com.itadcustody.custody.internal.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The RFC 6962 / RFC 9162 Merkle tree: hashing, tree heads, inclusion and consistency proofs, and their
 * verification.
 *
 * <p>Hashes: {@code leaf = SHA-256(0x00 || entry)}, {@code node = SHA-256(0x01 || left || right)}, and the head of
 * the empty tree is {@code SHA-256("")}. A tree of n leaves splits at the largest power of two k &lt; n into a
 * perfect left subtree of k leaves and a right subtree of the rest (RFC 9162 §2.1.1).
 *
 * <p>Proof generation reads only stored perfect subtrees through {@link SubtreeHashes}. With
 * {@code d = ⌈log2 n⌉} (the tree's depth), the number of {@link SubtreeHashes#hash} calls is bounded by:
 * <ul>
 * <li>{@link #root}: popcount(n) ≤ max(1, d) — the tree is the fold of the perfect subtrees of n's binary
 * decomposition;</li>
 * <li>{@link #inclusionProof}: ≤ 2·d — one stored node per proof step, except that the single proof step whose
 * sibling is the ragged right edge of the tree costs the popcount of that edge's size;</li>
 * <li>{@link #consistencyProof}: ≤ 2·d — the same argument (the node that starts the proof is a stored one);</li>
 * <li>{@link #append}: the number of trailing one bits of the old size (≤ d): the left siblings that the new leaf
 * completes.</li>
 * </ul>
 * The range {@code [a, b)} of any proof node is aligned so that it decomposes, largest first, into the perfect
 * subtrees given by the binary digits of {@code b − a}; that is what makes every bound logarithmic. For a log of
 * a million entries (d = 20) a proof needs at most 40 reads. MerkleStorageReadsTests asserts these bounds by
 * counting calls, for sizes up to 2^63−1.
 *
 * <p>The verifiers follow RFC 9162 §2.1.3.2 and §2.1.4.2 literally, need no storage, and throw a
 * {@link VerificationException} that says what failed.
 */
public final class Merkle {

    /** Size in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = sha256().digest();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Merkle::sha256);

    private Merkle() {
    }

    /** The leaf hash of a log entry: SHA-256(0x00 || entry). */
    public static byte[] leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /** The hash of an interior node: SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left child hash");
        requireHash(right, "right child hash");
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The tree head of the empty tree: SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** The tree head (root hash) of the first {@code size} leaves, from popcount(size) stored subtrees. */
    public static byte[] root(long size, SubtreeHashes store) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        Objects.requireNonNull(store, "store");
        return size == 0 ? emptyRoot() : rangeHash(0, size, store);
    }

    /**
     * The RFC 9162 §2.1.3.1 inclusion proof (audit path) of leaf {@code index} in the tree of {@code size} leaves,
     * ordered from the leaf's sibling up to the child of the root.
     */
    public static List<byte[]> inclusionProof(long index, long size, SubtreeHashes store) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        Objects.requireNonNull(store, "store");
        // PATH(m, D[a:b]) unrolled: descend from the root towards leaf m, collecting the sibling of each step.
        List<byte[]> path = new ArrayList<>();
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long k = Long.highestOneBit(end - start - 1);
            if (index < start + k) {
                path.add(rangeHash(start + k, end, store));
                end = start + k;
            } else {
                path.add(perfectHash(start, k, store));
                start += k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * The RFC 9162 §2.1.4.1 consistency proof that the tree of {@code newSize} leaves extends the tree of
     * {@code oldSize} leaves; empty when {@code oldSize} is 0 or equals {@code newSize}.
     */
    public static List<byte[]> consistencyProof(long oldSize, long newSize, SubtreeHashes store) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to size " + newSize);
        }
        Objects.requireNonNull(store, "store");
        List<byte[]> proof = new ArrayList<>();
        if (oldSize == 0 || oldSize == newSize) {
            return proof;
        }
        // SUBPROOF(m, D[a:b], startFromOld) unrolled; m is relative to start.
        long m = oldSize;
        long start = 0;
        long end = newSize;
        boolean startFromOld = true;
        while (m != end - start) {
            long k = Long.highestOneBit(end - start - 1);
            if (m <= k) {
                proof.add(rangeHash(start + k, end, store));
                end = start + k;
            } else {
                proof.add(perfectHash(start, k, store));
                start += k;
                m -= k;
                startFromOld = false;
            }
        }
        if (!startFromOld) {
            proof.add(rangeHash(start, end, store));
        }
        Collections.reverse(proof);
        return proof;
    }

    /**
     * Verifies an inclusion proof (RFC 9162 §2.1.3.2): that the leaf hash is at {@code index} in the tree of
     * {@code size} leaves whose head is {@code root}; throws a {@link VerificationException} saying why not.
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        requireHashForVerification(root, "expected root");
        byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new VerificationException("inclusion proof for leaf " + index + " in tree of size " + size
                    + " leads to root " + Codec.hex(computed) + ", not the expected " + Codec.hex(root));
        }
    }

    /**
     * The tree head that an inclusion proof implies for the leaf (RFC 9162 §2.1.3.2 steps 1–5, without the final
     * comparison); throws a {@link VerificationException} if the proof has the wrong shape for index and size.
     */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
        Objects.requireNonNull(proof, "proof");
        if (index < 0 || size <= 0 || index >= size) {
            throw new VerificationException("leaf index " + index + " is not in a tree of size " + size);
        }
        requireHashForVerification(leafHash, "leaf hash");
        for (int i = 0; i < proof.size(); i++) {
            requireHashForVerification(proof.get(i), "inclusion proof hash " + i);
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new VerificationException("inclusion proof has " + proof.size() + " hashes, more than leaf "
                        + index + " in a tree of size " + size + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("inclusion proof has " + proof.size() + " hashes, fewer than leaf "
                    + index + " in a tree of size " + size + " needs");
        }
        return r;
    }

    /**
     * Verifies a consistency proof (RFC 9162 §2.1.4.2): that the tree of {@code newSize} leaves with head
     * {@code newRoot} extends the tree of {@code oldSize} leaves with head {@code oldRoot}; throws a
     * {@link VerificationException} saying why not. Equal sizes need an empty proof and equal roots; old size 0
     * needs an empty proof and the empty-tree root.
     */
    public static void verifyConsistency(long oldSize, long newSize, List<byte[]> proof, byte[] oldRoot,
            byte[] newRoot) {
        Objects.requireNonNull(proof, "proof");
        if (oldSize < 0 || oldSize > newSize) {
            throw new VerificationException("tree size went from " + oldSize + " to " + newSize
                    + "; a log only grows");
        }
        requireHashForVerification(oldRoot, "old root");
        requireHashForVerification(newRoot, "new root");
        for (int i = 0; i < proof.size(); i++) {
            requireHashForVerification(proof.get(i), "consistency proof hash " + i);
        }
        if (oldSize == newSize) {
            if (!proof.isEmpty()) {
                throw new VerificationException("consistency proof between equal sizes " + oldSize
                        + " must be empty, has " + proof.size() + " hashes");
            }
            if (!MessageDigest.isEqual(oldRoot, newRoot)) {
                throw new VerificationException("two different roots for the same tree size " + oldSize + ": "
                        + Codec.hex(oldRoot) + " and " + Codec.hex(newRoot));
            }
            return;
        }
        if (oldSize == 0) {
            if (!proof.isEmpty()) {
                throw new VerificationException("consistency proof from the empty tree must be empty, has "
                        + proof.size() + " hashes");
            }
            if (!MessageDigest.isEqual(oldRoot, EMPTY_ROOT)) {
                throw new VerificationException("root of the empty tree must be SHA-256(\"\") = "
                        + Codec.hex(EMPTY_ROOT) + ", got " + Codec.hex(oldRoot));
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new VerificationException("consistency proof from size " + oldSize + " to " + newSize
                    + " is empty");
        }
        List<byte[]> path = proof;
        if (Long.bitCount(oldSize) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(oldRoot);
            path.addAll(proof);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new VerificationException("consistency proof from size " + oldSize + " to " + newSize
                        + " has " + proof.size() + " hashes, more than needed");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("consistency proof from size " + oldSize + " to " + newSize
                    + " has " + proof.size() + " hashes, fewer than needed");
        }
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            throw new VerificationException("consistency proof from size " + oldSize + " to " + newSize
                    + " leads to old root " + Codec.hex(fr) + ", not the expected " + Codec.hex(oldRoot));
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            throw new VerificationException("consistency proof from size " + oldSize + " to " + newSize
                    + " leads to new root " + Codec.hex(sr) + ", not the expected " + Codec.hex(newRoot));
        }
    }

    /**
     * Appends leaf number {@code size} (0-based) to a tree of {@code size} leaves and returns every perfect subtree
     * that it completes, the leaf itself first and then upwards; these are exactly the nodes to store. Reads the
     * left siblings it merges with (the number of trailing one bits of {@code size}).
     */
    public static List<Node> append(long size, byte[] leafHash, SubtreeHashes store) {
        if (size < 0 || size == Long.MAX_VALUE) {
            throw new IllegalArgumentException("cannot append to a tree of size " + size);
        }
        requireHash(leafHash, "leaf hash");
        Objects.requireNonNull(store, "store");
        List<Node> completed = new ArrayList<>();
        completed.add(new Node(0, size, leafHash));
        byte[] hash = leafHash;
        long index = size;
        int level = 0;
        while ((index & 1) == 1) {
            hash = nodeHash(store.hash(level, index - 1), hash);
            index >>= 1;
            level++;
            completed.add(new Node(level, index, hash));
        }
        return completed;
    }

    /**
     * The RFC 6962 hash of the leaves {@code [start, end)}, where {@code start} is aligned to a power of two at
     * least {@code end − start} (true of every node of a tree and of every proof node): the fold, right to left, of
     * the perfect subtrees given by the binary digits of {@code end − start}, largest first.
     */
    static byte[] rangeHash(long start, long end, SubtreeHashes store) {
        long length = end - start;
        int pieces = Long.bitCount(length);
        byte[][] hashes = new byte[pieces][];
        long at = start;
        for (int i = 0; i < pieces; i++) {
            long piece = Long.highestOneBit(length);
            hashes[i] = perfectHash(at, piece, store);
            at += piece;
            length -= piece;
        }
        byte[] hash = hashes[pieces - 1];
        for (int i = pieces - 2; i >= 0; i--) {
            hash = nodeHash(hashes[i], hash);
        }
        return hash;
    }

    /** One stored perfect subtree: the {@code count} (a power of two) leaves from {@code start}. */
    private static byte[] perfectHash(long start, long count, SubtreeHashes store) {
        int level = Long.numberOfTrailingZeros(count);
        if ((start & (count - 1)) != 0) {
            throw new IllegalStateException("range starting at " + start + " is not aligned to " + count);
        }
        byte[] hash = store.hash(level, start >>> level);
        if (hash == null || hash.length != HASH_SIZE) {
            throw new IllegalStateException("store returned no 32-byte hash for level " + level + ", index "
                    + (start >>> level));
        }
        return hash;
    }

    private static void requireHash(byte[] hash, String what) {
        Objects.requireNonNull(hash, what);
        if (hash.length != HASH_SIZE) {
            throw new IllegalArgumentException(what + " must be 32 bytes, got " + hash.length);
        }
    }

    private static void requireHashForVerification(byte[] hash, String what) {
        if (hash == null || hash.length != HASH_SIZE) {
            throw new VerificationException(what + " must be 32 bytes, got "
                    + (hash == null ? "none" : hash.length + ""));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
