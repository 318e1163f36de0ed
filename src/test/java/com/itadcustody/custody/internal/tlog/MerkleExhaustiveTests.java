package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * For every tree size 1..64, every leaf index and every pair of sizes m ≤ n: proofs generated from stored perfect
 * subtrees equal the naive RFC 6962 §2.1 reference, verify, and stop verifying when anything is changed.
 */
class MerkleExhaustiveTests {

    private static final int MAX = 64;
    private static final ReferenceMerkle REFERENCE = ReferenceMerkle.ofSize(MAX);

    @Test
    void rootsFromStoredSubtreesEqualTheReferenceTreeHash() {
        for (int n = 0; n <= MAX; n++) {
            assertThat(Merkle.root(n, REFERENCE.perfectSubtrees(n))).as("size %d", n).isEqualTo(REFERENCE.mth(n));
        }
    }

    @Test
    void inclusionProofsEqualTheReferencePathAndVerify() {
        for (int n = 1; n <= MAX; n++) {
            SubtreeHashes store = REFERENCE.perfectSubtrees(n);
            byte[] root = REFERENCE.mth(n);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = Merkle.inclusionProof(i, n, store);
                assertSameHashes(proof, REFERENCE.path(i, n), "PATH(%d, D[%d])", i, n);
                int index = i;
                int size = n;
                assertThatCode(() -> Merkle.verifyInclusion(index, size, REFERENCE.leafHash(index), proof, root))
                        .as("verify %d in %d", i, n).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void inclusionVerificationFailsForAFlippedByteAWrongIndexOrAWrongSize() {
        for (int n = 1; n <= MAX; n++) {
            SubtreeHashes store = REFERENCE.perfectSubtrees(n);
            byte[] root = REFERENCE.mth(n);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = Merkle.inclusionProof(i, n, store);
                byte[] leaf = REFERENCE.leafHash(i);
                for (int p = 0; p < proof.size(); p++) {
                    for (int bit : new int[] {0, 7 * 8 + 3, 31 * 8 + 7}) {
                        assertFailsInclusion(i, n, leaf, flip(proof, p, bit), root);
                    }
                }
                assertFailsInclusion(i, n, flipped(leaf, 5), proof, root);
                assertFailsInclusion(i, n, leaf, proof, flipped(root, 200));
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        assertFailsInclusion(j, n, leaf, proof, root);
                    }
                }
                // A proof for size n presented for another size m, against that tree's real root.
                for (int m : otherSizes(n)) {
                    if (m > i && !sameHashes(REFERENCE.path(i, m), proof)) {
                        assertFailsInclusion(i, m, leaf, proof, REFERENCE.mth(m));
                    }
                }
                if (!proof.isEmpty()) {
                    assertFailsInclusion(i, n, leaf, proof.subList(0, proof.size() - 1), root);
                    assertFailsInclusion(i, n, leaf, proof.subList(1, proof.size()), root);
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertFailsInclusion(i, n, leaf, longer, root);
            }
        }
    }

    @Test
    void consistencyProofsEqualTheReferenceProofAndVerify() {
        for (int n = 1; n <= MAX; n++) {
            SubtreeHashes store = REFERENCE.perfectSubtrees(n);
            for (int m = 0; m <= n; m++) {
                List<byte[]> proof = Merkle.consistencyProof(m, n, store);
                assertSameHashes(proof, REFERENCE.proof(m, n), "PROOF(%d, D[%d])", m, n);
                int oldSize = m;
                int newSize = n;
                assertThatCode(() -> Merkle.verifyConsistency(oldSize, newSize, proof, REFERENCE.mth(oldSize),
                        REFERENCE.mth(newSize))).as("verify %d to %d", m, n).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void consistencyVerificationFailsForAFlippedByteWrongRootsOrWrongSizes() {
        for (int n = 2; n <= MAX; n++) {
            SubtreeHashes store = REFERENCE.perfectSubtrees(n);
            byte[] newRoot = REFERENCE.mth(n);
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = Merkle.consistencyProof(m, n, store);
                byte[] oldRoot = REFERENCE.mth(m);
                for (int p = 0; p < proof.size(); p++) {
                    assertFailsConsistency(m, n, flip(proof, p, 9), oldRoot, newRoot);
                }
                assertFailsConsistency(m, n, proof, flipped(oldRoot, 1), newRoot);
                assertFailsConsistency(m, n, proof, oldRoot, flipped(newRoot, 1));
                assertFailsConsistency(m, n, proof, newRoot, oldRoot);
                assertFailsConsistency(m, n, List.of(), oldRoot, newRoot);
                assertFailsConsistency(m, n, proof.subList(0, proof.size() - 1), oldRoot, newRoot);
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(newRoot);
                assertFailsConsistency(m, n, longer, oldRoot, newRoot);
                List<byte[]> prefixed = new ArrayList<>(proof);
                prefixed.add(0, proof.get(0));
                assertFailsConsistency(m, n, prefixed, oldRoot, newRoot);
                // The proof presented for other sizes, against those trees' real roots.
                for (int m2 : otherSizes(m)) {
                    if (m2 >= 1 && m2 < n && !sameHashes(REFERENCE.proof(m2, n), proof)) {
                        assertFailsConsistency(m2, n, proof, REFERENCE.mth(m2), newRoot);
                    }
                }
                for (int n2 : otherSizes(n)) {
                    if (n2 > m && !sameHashes(REFERENCE.proof(m, n2), proof)) {
                        assertFailsConsistency(m, n2, proof, oldRoot, REFERENCE.mth(n2));
                    }
                }
            }
        }
    }

    @Test
    void refusesToProveWhatIsNotInTheTree() {
        SubtreeHashes store = REFERENCE.perfectSubtrees(5);
        assertThatThrownBy(() -> Merkle.inclusionProof(5, 5, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Merkle.inclusionProof(-1, 5, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Merkle.consistencyProof(6, 5, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Merkle.root(-1, store)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Probes that verified although they should not have; checked empty after each test (cheaper than AssertJ). */
    private final List<String> wronglyAccepted = new ArrayList<>();
    private int probes;

    @AfterEach
    void everyTamperedProbeWasRejected() {
        assertThat(wronglyAccepted).as("of %d tampered probes", probes).isEmpty();
    }

    private void assertFailsInclusion(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
        probes++;
        try {
            Merkle.verifyInclusion(index, size, leaf, proof, root);
            wronglyAccepted.add("inclusion " + index + " in " + size + " with " + proof.size() + " hashes");
        } catch (VerificationException expected) {
            // the tampered proof was rejected
        }
    }

    private void assertFailsConsistency(long m, long n, List<byte[]> proof, byte[] oldRoot, byte[] newRoot) {
        probes++;
        try {
            Merkle.verifyConsistency(m, n, proof, oldRoot, newRoot);
            wronglyAccepted.add("consistency " + m + " to " + n + " with " + proof.size() + " hashes");
        } catch (VerificationException expected) {
            // the tampered proof was rejected
        }
    }

    private static void assertSameHashes(List<byte[]> actual, List<byte[]> expected, String what, Object... args) {
        assertThat(actual).as(what, args).usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(expected);
    }

    /** Sizes near n that a tampered claim would plausibly use: ±1, ±2, ×2, ÷2 and the neighbouring powers of two. */
    private static List<Integer> otherSizes(int n) {
        List<Integer> sizes = new ArrayList<>();
        for (int s : new int[] {n - 2, n - 1, n + 1, n + 2, n * 2, n / 2, Integer.highestOneBit(n),
                Integer.highestOneBit(n) * 2}) {
            if (s != n && s >= 0 && s <= MAX && !sizes.contains(s)) {
                sizes.add(s);
            }
        }
        return sizes;
    }

    private static boolean sameHashes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> flip(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flipped(proof.get(element), bit));
        return copy;
    }

    private static byte[] flipped(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
