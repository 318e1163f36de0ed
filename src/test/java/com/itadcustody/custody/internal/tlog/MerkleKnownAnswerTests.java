package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the Certificate Transparency reference test vectors: the 8 leaves, every perfect subtree, the
 * roots of sizes 0..8 and the published inclusion and consistency proofs. Source:
 * github.com/transparency-dev/merkle, {@code testonly/constants.go} (LeafInputs, NodeHashes, RootHashes) and
 * {@code proof/verify_test.go} (inclusionProofs, consistencyProofs); the same data as google/certificate-transparency
 * {@code merkle_tree_test.cc}.
 */
class MerkleKnownAnswerTests {

    private static final HexFormat HEX = HexFormat.of();

    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    /** NodeHashes(): perfect subtrees by level, then index. */
    static final String[][] NODES = {
            {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"},
            {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"},
            {"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
            {"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"}};

    /** RootHashes(): the tree head for sizes 0..8. */
    static final String[] ROOTS = {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static InMemoryTree vectorTree() {
        InMemoryTree tree = new InMemoryTree();
        for (String leaf : LEAVES) {
            tree.appendEntry(HEX.parseHex(leaf));
        }
        return tree;
    }

    private static List<byte[]> hashes(String... hex) {
        List<byte[]> list = new ArrayList<>();
        for (String h : hex) {
            list.add(HEX.parseHex(h));
        }
        return list;
    }

    private static byte[] root(int size) {
        return HEX.parseHex(ROOTS[size]);
    }

    @Test
    void hashesLeavesWithTheZeroPrefixAndNodesWithTheOnePrefix() {
        for (int i = 0; i < LEAVES.length; i++) {
            assertThat(HEX.formatHex(Merkle.leafHash(HEX.parseHex(LEAVES[i])))).isEqualTo(NODES[0][i]);
        }
        assertThat(HEX.formatHex(Merkle.nodeHash(HEX.parseHex(NODES[0][0]), HEX.parseHex(NODES[0][1]))))
                .isEqualTo(NODES[1][0]);
        assertThat(HEX.formatHex(Merkle.emptyRoot())).isEqualTo(ROOTS[0]);
    }

    @Test
    void storesExactlyThePublishedPerfectSubtrees() {
        InMemoryTree tree = vectorTree();
        for (int level = 0; level < NODES.length; level++) {
            for (int index = 0; index < NODES[level].length; index++) {
                assertThat(HEX.formatHex(tree.hash(level, index))).as("node %d/%d", level, index)
                        .isEqualTo(NODES[level][index]);
            }
        }
    }

    @Test
    void computesThePublishedRootForEverySizeFromZeroToEight() {
        InMemoryTree tree = vectorTree();
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of size %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void producesAndVerifiesThePublishedInclusionProofs() {
        InMemoryTree tree = vectorTree();
        // {leaf index (0-based), tree size, proof}
        Object[][] vectors = {
                {0, 1, hashes()},
                {0, 8, hashes(NODES[0][1], NODES[1][1], NODES[2][1])},
                {5, 8, hashes("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")},
                {2, 3, hashes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")},
                {1, 5, hashes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")}};
        for (Object[] v : vectors) {
            int index = (int) v[0];
            int size = (int) v[1];
            @SuppressWarnings("unchecked")
            List<byte[]> expected = (List<byte[]>) v[2];
            List<byte[]> proof = tree.inclusionProof(index, size);
            assertThat(proof).as("inclusion %d in %d", index, size).usingElementComparator(HexCompare.INSTANCE)
                    .containsExactlyElementsOf(expected);
            byte[] leaf = Merkle.leafHash(HEX.parseHex(LEAVES[index]));
            assertThatCode(() -> Merkle.verifyInclusion(index, size, leaf, expected, root(size)))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void producesAndVerifiesThePublishedConsistencyProofs() {
        InMemoryTree tree = vectorTree();
        Object[][] vectors = {
                {1, 1, hashes()},
                {1, 8, hashes(NODES[0][1], NODES[1][1], NODES[2][1])},
                {6, 8, hashes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")},
                {2, 5, hashes("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")},
                {6, 7, hashes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")}};
        for (Object[] v : vectors) {
            int m = (int) v[0];
            int n = (int) v[1];
            @SuppressWarnings("unchecked")
            List<byte[]> expected = (List<byte[]>) v[2];
            assertThat(tree.consistencyProof(m, n)).as("consistency %d to %d", m, n)
                    .usingElementComparator(HexCompare.INSTANCE).containsExactlyElementsOf(expected);
            assertThatCode(() -> Merkle.verifyConsistency(m, n, expected, root(m), root(n)))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsThePublishedInclusionProofWhenAnythingIsWrong() {
        byte[] leaf = Merkle.leafHash(HEX.parseHex(LEAVES[5]));
        List<byte[]> proof = hashes(NODES[0][4], NODES[1][3], NODES[2][0]);
        assertThatThrownBy(() -> Merkle.verifyInclusion(4, 8, leaf, proof, root(8)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("leads to root");
        assertThatThrownBy(() -> Merkle.verifyInclusion(5, 8, leaf, proof.subList(0, 2), root(8)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("fewer than");
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root(8));
        assertThatThrownBy(() -> Merkle.verifyInclusion(5, 8, leaf, longer, root(8)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> Merkle.verifyInclusion(8, 8, leaf, proof, root(8)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("not in a tree of size 8");
        assertThatThrownBy(() -> Merkle.verifyInclusion(5, 8, "WrongLeaf".getBytes(), proof, root(8)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Merkle.verifyInclusion(5, 8, leaf, proof, Merkle.emptyRoot()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void treatsTheTrivialConsistencyCasesAsRfc9162Does() {
        assertThatCode(() -> Merkle.verifyConsistency(0, 0, List.of(), root(0), root(0)))
                .doesNotThrowAnyException();
        assertThatCode(() -> Merkle.verifyConsistency(0, 5, List.of(), root(0), root(5)))
                .doesNotThrowAnyException();
        assertThatCode(() -> Merkle.verifyConsistency(3, 3, List.of(), root(3), root(3)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Merkle.verifyConsistency(3, 3, List.of(), root(3), root(4)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("two different roots");
        assertThatThrownBy(() -> Merkle.verifyConsistency(3, 3, List.of(root(3)), root(3), root(3)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("must be empty");
        assertThatThrownBy(() -> Merkle.verifyConsistency(0, 5, List.of(), root(1), root(5)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("empty tree");
        assertThatThrownBy(() -> Merkle.verifyConsistency(1, 2, List.of(), root(1), root(2)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> Merkle.verifyConsistency(2, 1, List.of(), root(2), root(1)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("only grows");
        assertThat(Merkle.consistencyProof(0, 8, vectorTree())).isEmpty();
        assertThat(Merkle.consistencyProof(8, 8, vectorTree())).isEmpty();
    }

    /** Compares hashes by content (byte arrays have identity equality). */
    enum HexCompare implements java.util.Comparator<byte[]> {
        INSTANCE;

        @Override
        public int compare(byte[] a, byte[] b) {
            return java.util.Arrays.compare(a, b);
        }
    }
}
