package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Appending leaves yields exactly the perfect subtrees of the reference tree, each once, and the frontier's root is
 * always the reference tree head; a frontier reloaded from storage continues identically.
 */
class CompactRangeTests {

    private static final ReferenceMerkle REFERENCE = ReferenceMerkle.ofSize(64);

    @Test
    void appendingEmitsEveryPerfectSubtreeExactlyOnceAndInOrder() {
        CompactRange range = CompactRange.empty();
        Map<String, Node> stored = new HashMap<>();
        for (int n = 0; n < 64; n++) {
            List<Node> completed = range.append(REFERENCE.leafHash(n));
            assertThat(completed.get(0)).isEqualTo(new Node(0, n, REFERENCE.leafHash(n)));
            for (int i = 1; i < completed.size(); i++) {
                assertThat(completed.get(i).level()).isEqualTo(completed.get(i - 1).level() + 1);
            }
            for (Node node : completed) {
                assertThat(stored.put(node.level() + "/" + node.index(), node)).as("stored twice: %s", node).isNull();
            }
            assertThat(range.size()).isEqualTo(n + 1);
            assertThat(range.root()).isEqualTo(REFERENCE.mth(n + 1));
        }
        SubtreeHashes expected = REFERENCE.perfectSubtrees(64);
        int count = 0;
        for (int level = 0; level <= 6; level++) {
            for (int index = 0; (index + 1) << level <= 64; index++) {
                assertThat(stored.get(level + "/" + index).hash()).isEqualTo(expected.hash(level, index));
                count++;
            }
        }
        assertThat(stored).hasSize(count);
    }

    @Test
    void staticAppendAgainstStorageEmitsTheSameNodesAsTheFrontier() {
        Map<String, byte[]> storage = new HashMap<>();
        SubtreeHashes store = (level, index) -> storage.get(level + "/" + index);
        CompactRange range = CompactRange.empty();
        for (int n = 0; n < 64; n++) {
            List<Node> fromStorage = Merkle.append(n, REFERENCE.leafHash(n), store);
            assertThat(fromStorage).isEqualTo(range.append(REFERENCE.leafHash(n)));
            fromStorage.forEach(node -> storage.put(node.level() + "/" + node.index(), node.hash()));
            assertThat(Merkle.root(n + 1, store)).isEqualTo(REFERENCE.mth(n + 1));
        }
    }

    @Test
    void aFrontierLoadedFromStorageContinuesLikeTheOriginal() {
        for (int start = 0; start <= 40; start++) {
            CompactRange loaded = CompactRange.load(start, REFERENCE.perfectSubtrees(start));
            assertThat(loaded.size()).isEqualTo(start);
            assertThat(loaded.root()).isEqualTo(REFERENCE.mth(start));
            assertThat(loaded.frontier()).hasSize(Long.bitCount(start));
            List<Node> nodes = new ArrayList<>();
            for (int n = start; n < 64; n++) {
                nodes.addAll(loaded.append(REFERENCE.leafHash(n)));
            }
            assertThat(loaded.root()).isEqualTo(REFERENCE.mth(64));
            assertThat(nodes).allSatisfy(node -> assertThat(node.hash())
                    .isEqualTo(REFERENCE.perfectSubtrees(64).hash(node.level(), node.index())));
        }
    }

    @Test
    void theFrontierListsTheSubtreesOfTheSizesBinaryDigits() {
        CompactRange range = CompactRange.load(13, REFERENCE.perfectSubtrees(13));
        assertThat(range.frontier()).extracting(Node::level, Node::index, Node::firstLeaf, Node::leafCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, 0L, 0L, 8L),
                        org.assertj.core.groups.Tuple.tuple(2, 2L, 8L, 4L),
                        org.assertj.core.groups.Tuple.tuple(0, 12L, 12L, 1L));
        assertThat(CompactRange.empty().root()).isEqualTo(Merkle.emptyRoot());
    }

    @Test
    void theInMemoryTreeAnswersForEveryEarlierSize() {
        InMemoryTree tree = new InMemoryTree();
        for (byte[] entry : REFERENCE.entries()) {
            tree.appendEntry(entry);
        }
        for (int n = 0; n <= 64; n++) {
            assertThat(tree.root(n)).isEqualTo(REFERENCE.mth(n));
        }
        assertThat(tree.leafHash(17)).isEqualTo(REFERENCE.leafHash(17));
        assertThatThrownBy(() -> tree.hash(0, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(65)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactRange.empty().append(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
