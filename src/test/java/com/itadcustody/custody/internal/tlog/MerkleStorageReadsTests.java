package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Proofs and roots read O(log n) stored subtrees, and only ones that already exist: at most popcount(n) for a root
 * and at most 2·⌈log2 n⌉ for an inclusion or consistency proof, for sizes up to 2^63−1.
 */
class MerkleStorageReadsTests {

    /** Counts reads and refuses any node that is not a complete perfect subtree of a tree of {@code size} leaves. */
    private static final class CountingStore implements SubtreeHashes {

        private final long size;
        private int reads;

        CountingStore(long size) {
            this.size = size;
        }

        @Override
        public byte[] hash(int level, long index) {
            reads++;
            assertThat(level).isBetween(0, 62);
            assertThat(index).isNotNegative();
            assertThat(index + 1).as("subtree %d/%d must be complete in a tree of size %d", level, index, size)
                    .isLessThanOrEqualTo(size >>> level);
            try {
                return MessageDigest.getInstance("SHA-256")
                        .digest(ByteBuffer.allocate(12).putInt(level).putLong(index).array());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int depth(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    private static List<Long> sizes() {
        List<Long> sizes = new ArrayList<>();
        for (long n = 1; n <= 300; n++) {
            sizes.add(n);
        }
        for (int b = 9; b <= 62; b++) {
            sizes.add((1L << b) - 1);
            sizes.add(1L << b);
            sizes.add((1L << b) + 1);
        }
        sizes.add(Long.MAX_VALUE);
        sizes.add(1_000_000L);
        Random random = new Random(6962);
        for (int i = 0; i < 300; i++) {
            sizes.add(1 + (random.nextLong() >>> (1 + random.nextInt(62))));
        }
        return sizes;
    }

    @Test
    void rootReadsOneStoredSubtreePerOneBitOfTheSize() {
        for (long n : sizes()) {
            CountingStore store = new CountingStore(n);
            Merkle.root(n, store);
            assertThat(store.reads).as("size %d", n).isEqualTo(Long.bitCount(n));
        }
    }

    @Test
    void inclusionProofsReadAtMostTwiceTheTreeDepth() {
        Random random = new Random(9162);
        int worst = 0;
        for (long n : sizes()) {
            for (long index : new long[] {0, n - 1, n / 2, (n - 1) & ~1L, Math.floorMod(random.nextLong(), n)}) {
                CountingStore store = new CountingStore(n);
                List<byte[]> proof = Merkle.inclusionProof(index, n, store);
                assertThat(store.reads).as("inclusion %d in %d", index, n).isLessThanOrEqualTo(2 * depth(n));
                assertThat(proof.size()).isLessThanOrEqualTo(depth(n));
                worst = Math.max(worst, store.reads);
            }
        }
        assertThat(worst).isLessThanOrEqualTo(2 * 63);
    }

    @Test
    void consistencyProofsReadAtMostTwiceTheTreeDepth() {
        Random random = new Random(6962_9162);
        for (long n : sizes()) {
            for (long m : new long[] {1, n - 1, n / 2, Math.max(1, Long.highestOneBit(n) - 1),
                    1 + Math.floorMod(random.nextLong(), n)}) {
                if (m < 1 || m > n) {
                    continue;
                }
                CountingStore store = new CountingStore(n);
                Merkle.consistencyProof(m, n, store);
                assertThat(store.reads).as("consistency %d to %d", m, n).isLessThanOrEqualTo(2 * depth(n));
            }
        }
    }

    @Test
    void appendingReadsOnlyTheLeftSiblingsItCompletes() {
        for (long n : sizes()) {
            if (n == Long.MAX_VALUE) {
                continue;
            }
            CountingStore store = new CountingStore(n);
            List<Node> nodes = Merkle.append(n, new byte[32], store);
            assertThat(store.reads).as("append to %d", n).isEqualTo(Long.numberOfTrailingZeros(~n));
            assertThat(nodes).hasSize(store.reads + 1);
            assertThat(nodes.get(0).level()).isZero();
            assertThat(nodes.get(0).index()).isEqualTo(n);
        }
    }

    @Test
    void realProofsInALargeTreeStayWithinTheBoundAndVerify() {
        InMemoryTree tree = new InMemoryTree();
        for (int i = 0; i < 70_000; i++) {
            tree.appendEntry(("event " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Random random = new Random(42);
        for (int t = 0; t < 500; t++) {
            long n = 1 + random.nextInt(70_000);
            long index = random.nextInt((int) n);
            long m = 1 + random.nextInt((int) n);
            int[] reads = new int[1];
            SubtreeHashes counting = (level, i) -> {
                reads[0]++;
                return tree.hash(level, i);
            };
            List<byte[]> inclusion = Merkle.inclusionProof(index, n, counting);
            assertThat(reads[0]).isLessThanOrEqualTo(2 * depth(n));
            Merkle.verifyInclusion(index, n, tree.leafHash(index), inclusion, tree.root(n));
            reads[0] = 0;
            List<byte[]> consistency = Merkle.consistencyProof(m, n, counting);
            assertThat(reads[0]).isLessThanOrEqualTo(2 * depth(n));
            Merkle.verifyConsistency(m, n, consistency, tree.root(m), tree.root(n));
        }
    }
}
